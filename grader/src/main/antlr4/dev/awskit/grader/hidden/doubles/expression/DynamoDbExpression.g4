/*
 * DynamoDB's condition, filter, key-condition and projection expressions, as the DynamoDB
 * developer guide documents them:
 *
 *   syntax and precedence of conditions:
 *     https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
 *   document paths (names, dots, [n] list indexes):
 *     https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.Attributes.html
 *   #name and :value placeholders:
 *     https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeNames.html
 *     https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeValues.html
 *   key conditions (the same syntax; which operators fit a key is checked after parsing):
 *     https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
 *   projections:
 *     https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ProjectionExpressions.html
 *
 * The grammar reads what DynamoDB's own parser reads, a little more than what is valid: any
 * function name, a function wherever an operand or a condition may stand, an operand in
 * parentheses. DynamoDB parses those and then refuses them with messages of their own ("Invalid
 * function name", "The function is not allowed to be used this way", "The expression has redundant
 * parentheses"); the double's ExpressionParser gives those messages, in DynamoDB's order, so a
 * syntax error is only what DynamoDB calls one ("Syntax error; token: ..., near: ...").
 */
grammar DynamoDbExpression;

options { caseInsensitive = true; }

condition : expression EOF ;

projection : path (',' path)* EOF ;

// Alternatives bind from the first to the last: comparisons, IN, BETWEEN and functions, then
// parentheses, NOT, AND, OR, as the precedence table of the developer guide lists them.
expression
    : left=operand comparator right=operand                      # comparison
    | subject=operand IN '(' operand (',' operand)* ')'         # in
    | subject=operand BETWEEN low=operand AND high=operand      # between
    | function                                                  # call
    | '(' expression ')'                                        # parenthesized
    | NOT expression                                            # not
    | expression AND expression                                 # and
    | expression OR expression                                  # or
    ;

comparator : '=' | '<>' | '<' | '<=' | '>' | '>=' ;

operand
    : VALUE                     # value
    | function                  # functionOperand
    | path                      # pathOperand
    | '(' operand ')'           # parenthesizedOperand
    ;

function : IDENTIFIER '(' operand (',' operand)* ')' ;

path : name ('.' name | '[' INDEX ']')* ;

name : IDENTIFIER | NAME ;

AND : 'AND' ;
OR : 'OR' ;
NOT : 'NOT' ;
BETWEEN : 'BETWEEN' ;
IN : 'IN' ;

// Placeholders are a # or a : and letters, digits or underscores; a hyphen ends one (DynamoDB
// answers "Syntax error; token: "-"" to #my-name).
NAME : '#' [a-z0-9_]+ ;
VALUE : ':' [a-z0-9_]+ ;
IDENTIFIER : [a-z_] [a-z0-9_]* ;
INDEX : [0-9]+ ;

WHITESPACE : [ \t\r\n]+ -> skip ;

// Any other character is a token of its own, so that the parser, not the lexer, reports it, with
// the token and its neighbours as DynamoDB does.
OTHER : . ;
