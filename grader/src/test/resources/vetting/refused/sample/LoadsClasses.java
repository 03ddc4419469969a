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

  public Object byName(java.io.InputStream in) throws Exception {
    Object bundle = java.util.ResourceBundle.getBundle("archunit"); // refused: class-loading
    Object read = new java.io.ObjectInputStream(in).readObject(); // refused: class-loading
    return bundle + "" + read + java.sql.DriverManager.getDrivers(); // refused: class-loading
  }
}
