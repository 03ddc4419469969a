package dev.awskit.grader.defendant;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Arrays;

/** Reads and builds records and URLs for {@link Codec}, reporting failures as uncopyable values. */
final class Reflection {

  private Reflection() {}

  static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException unreadable) {
      throw new UncopyableValueException(
          "a " + record.getClass().getSimpleName() + " whose " + component.getName()
              + " cannot be read");
    }
  }

  static Object construct(Class<?> type, RecordComponent[] components, Object[] arguments) {
    try {
      Constructor<?> canonical =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      return canonical.newInstance(arguments);
    } catch (InvocationTargetException refused) {
      throw new UncopyableValueException(
          "a " + type.getSimpleName() + " that its constructor refuses ("
              + refused.getCause().getMessage() + ")");
    } catch (ReflectiveOperationException | IllegalArgumentException unusable) {
      throw new UncopyableValueException("a " + type.getSimpleName() + " that cannot be built");
    }
  }

  static URL url(String text) {
    try {
      return URI.create(text).toURL();
    } catch (MalformedURLException | IllegalArgumentException malformed) {
      throw new UncopyableValueException("a malformed URL");
    }
  }
}
