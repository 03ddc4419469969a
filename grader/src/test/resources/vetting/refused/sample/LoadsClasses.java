package sample;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;

public class LoadsClasses {
  public Object load() throws Exception {
    ClassLoader loader = getClass().getClassLoader(); // refused: class-loading
    return loader.loadClass("x.Y"); // refused: class-loading
  }

  public InputStream hidden() {
    return LoadsClasses.class.getResourceAsStream("/dev/awskit/grader/hidden/Points.class"); // refused: class-loading
  }

  public Object custom() {
    return new URLClassLoader(new URL[0]); // refused: class-loading
  }

  public Object context() {
    return Thread.currentThread().getContextClassLoader(); // refused: class-loading
  }

  static class Mine extends ClassLoader { // refused: class-loading
  }
}
