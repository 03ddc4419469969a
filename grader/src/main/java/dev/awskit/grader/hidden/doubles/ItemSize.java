package dev.awskit.grader.hidden.doubles;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Measures an item as DynamoDB does for its 1 MB page limit, after "DynamoDB item sizes and
 * formats" in the developer guide
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html):
 * each attribute counts the UTF-8 bytes of its name plus its value; a string its UTF-8 bytes, a
 * binary its raw bytes, a number one byte per two significant digits plus one, a Boolean or null
 * one byte, a set the sum of its members, and a list or map three bytes plus, for each element,
 * one byte and the element's size (a map element's name included).
 */
public final class ItemSize {

  private ItemSize() {}

  /** Returns the size in bytes DynamoDB counts for {@code item}. */
  public static long of(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      size += utf8(attribute.getKey()) + value(attribute.getValue());
    }
    return size;
  }

  private static long value(AttributeValue value) {
    return switch (value.type()) {
      case S -> utf8(value.s());
      case N -> number(value.n());
      case B -> value.b().asByteArray().length;
      case SS -> value.ss().stream().mapToLong(ItemSize::utf8).sum();
      case NS -> value.ns().stream().mapToLong(ItemSize::number).sum();
      case BS -> value.bs().stream().mapToLong(bytes -> bytes.asByteArray().length).sum();
      case L -> 3 + value.l().stream().mapToLong(element -> 1 + value(element)).sum();
      case M -> 3 + value.m().size() + of(value.m());
      case BOOL, NUL -> 1;
      case UNKNOWN_TO_SDK_VERSION -> 0;
    };
  }

  /** One byte per two significant digits (leading and trailing zeros trimmed), plus one. */
  private static long number(String number) {
    BigDecimal value = new BigDecimal(number);
    int digits = value.signum() == 0 ? 1 : value.stripTrailingZeros().precision();
    return (digits + 1) / 2 + 1;
  }

  private static long utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
