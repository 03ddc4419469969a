package sample;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;

public class UsesReflection {
  public Object peek(Object target) throws Exception {
    Field field = target.getClass().getDeclaredField("secret"); // refused: reflection
    field.setAccessible(true); // refused: reflection
    return field.get(target); // refused: reflection
  }

  public Class<?> load() throws Exception {
    return Class.forName("dev.awskit.grader.hidden.Points"); // refused: reflection
  }

  public Object handle() throws Exception {
    return MethodHandles.lookup().findStatic(System.class, "exit", null); // refused: reflection
  }

  public Object instance(Class<?> type) throws Exception {
    return type.getConstructor().newInstance(); // refused: reflection
  }
}
