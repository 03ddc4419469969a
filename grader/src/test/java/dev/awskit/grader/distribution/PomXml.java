package dev.awskit.grader.distribution;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads a pom for assertions: elements found by a path of local names from the root. */
record PomXml(Element project) {

  /** Parses the pom. */
  static PomXml parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return new PomXml(
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement());
  }

  /** Returns the elements at a {@code /}-separated path of local names below the project. */
  List<Element> all(String path) {
    List<Element> current = List.of(project);
    for (String name : path.split("/")) {
      List<Element> next = new ArrayList<>();
      for (Element parent : current) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
          if (node instanceof Element element && name.equals(element.getLocalName())) {
            next.add(element);
          }
        }
      }
      current = next;
    }
    return current;
  }

  /** Returns the trimmed texts of the elements at the path. */
  List<String> texts(String path) {
    return all(path).stream().map(element -> element.getTextContent().strip()).toList();
  }

  /** Returns the only element at the path. */
  Element one(String path) {
    List<Element> found = all(path);
    if (found.size() != 1) {
      throw new AssertionError("Expected one <" + path + ">, found " + found.size());
    }
    return found.get(0);
  }
}
