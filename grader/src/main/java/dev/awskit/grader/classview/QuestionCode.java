package dev.awskit.grader.classview;

import de.jplag.Token;
import de.jplag.TokenType;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** Holds what JPlag made of one question's files in one submission: tokens, or a failure. */
sealed interface QuestionCode permits QuestionCode.Parsed, QuestionCode.Unparsable {

  /**
   * Holds a question's token stream: each file's tokens in the order of the files' paths, each
   * file's ending with JPlag's end-of-file token, which no match crosses.
   *
   * @param files the question's files, in that order
   * @param tokens the tokens
   */
  record Parsed(List<File> files, List<Token> tokens) implements QuestionCode {

    /** Copies the lists. */
    public Parsed {
      files = List.copyOf(files);
      tokens = List.copyOf(tokens);
    }

    /**
     * Returns the token types alone: two streams with equal types are alike to Greedy String
     * Tiling whatever their names, comments and layout, so one of them is compared for both.
     */
    List<TokenType> shape() {
      return tokens.stream().map(Token::getType).toList();
    }
  }

  /**
   * Names the files of a question JPlag could not parse.
   *
   * @param files the files, relative to the submission's root, in order; all of the question's
   *     when JPlag did not say which
   */
  record Unparsable(List<Path> files) implements QuestionCode {

    /** Copies the list. */
    public Unparsable {
      files = List.copyOf(files);
    }
  }
}
