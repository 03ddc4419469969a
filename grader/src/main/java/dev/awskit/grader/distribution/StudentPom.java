package dev.awskit.grader.distribution;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Derives the student kit's root {@code pom.xml} from the repository's root pom.
 *
 * <p>It works on the XML tree, never on the text: it keeps only the modules the kit ships, turns
 * the public tests on by default ({@code skipPublicTests} false, so {@code ./mvnw -pl exercises
 * test} runs them, and {@code -Pstudent} still does too), drops managed dependencies on modules the
 * kit leaves out, and rewrites the name and description for students. Everything else (dependency
 * management, pinned plugins, enforcer, JaCoCo, profiles, comments) stays as it is.
 */
final class StudentPom {

  static final String POM_NAMESPACE = "http://maven.apache.org/POM/4.0.0";
  static final String SKIP_PUBLIC_TESTS = "skipPublicTests";

  private static final String SKIP_COMMENT =
      " The public tests run in every build of the kit. They fail until you implement the\n"
          + "         questions; -Pstudent is accepted too and does the same. ";

  private StudentPom() {}

  /**
   * Returns the student pom derived from {@code rootPom}.
   *
   * @param rootPom the repository's root pom, as bytes
   * @param keptModules the modules the kit ships (e.g. {@code exercises}); every one must be listed
   *     in the root pom
   * @param removedArtifactIds artifact ids of the modules left out, whose managed dependencies go
   * @throws DistributionException if the pom cannot be parsed or lacks a kept module
   */
  static byte[] derive(byte[] rootPom, Set<String> keptModules, Set<String> removedArtifactIds)
      throws DistributionException {
    Document pom = parse(rootPom);
    Element project = pom.getDocumentElement();
    if (!"project".equals(project.getLocalName())
        || !POM_NAMESPACE.equals(project.getNamespaceURI())) {
      throw new DistributionException("The root pom.xml is not a Maven 4.0.0 project");
    }
    String groupId = childText(project, "groupId");
    keepModules(project, keptModules);
    turnPublicTestsOn(pom, project);
    dropManagedDependencies(project, groupId, removedArtifactIds);
    setText(pom, project, "name", "AWS SDK for Java v2 exercises (student kit)");
    setText(
        pom,
        project,
        "description",
        "Twelve exercises on the AWS SDK for Java v2 with public sample tests.");
    return serialize(pom);
  }

  /** Returns the modules that a root pom lists, in order. */
  static List<String> modules(byte[] rootPom) throws DistributionException {
    Element modules = child(parse(rootPom).getDocumentElement(), "modules");
    if (modules == null) {
      return List.of();
    }
    return children(modules, "module").stream()
        .map(module -> module.getTextContent().strip())
        .toList();
  }

  /** Returns the artifact id declared by a module's pom. */
  static String artifactId(byte[] modulePom) throws DistributionException {
    String artifactId = childText(parse(modulePom).getDocumentElement(), "artifactId");
    if (artifactId == null || artifactId.isBlank()) {
      throw new DistributionException("A module pom declares no artifactId");
    }
    return artifactId.strip();
  }

  private static void keepModules(Element project, Set<String> keptModules)
      throws DistributionException {
    Element modules = child(project, "modules");
    if (modules == null) {
      throw new DistributionException("The root pom.xml lists no modules");
    }
    List<String> found = new ArrayList<>();
    for (Element module : children(modules, "module")) {
      String name = module.getTextContent().strip();
      if (keptModules.contains(name)) {
        found.add(name);
      } else {
        remove(module);
      }
    }
    if (!found.containsAll(keptModules)) {
      throw new DistributionException(
          "The root pom.xml must list the modules " + keptModules + "; it lists " + found);
    }
  }

  private static void turnPublicTestsOn(Document pom, Element project) {
    Element properties = child(project, "properties");
    if (properties == null) {
      properties = appendChild(pom, project, "properties");
    }
    Element skip = child(properties, SKIP_PUBLIC_TESTS);
    if (skip == null) {
      skip = appendChild(pom, properties, SKIP_PUBLIC_TESTS);
    } else {
      Comment explanation = precedingComment(skip);
      if (explanation != null) {
        explanation.setData(SKIP_COMMENT);
      }
    }
    skip.setTextContent("false");
  }

  private static void dropManagedDependencies(
      Element project, String groupId, Set<String> removedArtifactIds) {
    Element management = child(project, "dependencyManagement");
    Element dependencies = management == null ? null : child(management, "dependencies");
    if (dependencies == null) {
      return;
    }
    for (Element dependency : children(dependencies, "dependency")) {
      String group = childText(dependency, "groupId");
      boolean ours =
          group != null
              && (group.strip().equals(groupId) || group.strip().equals("${project.groupId}"));
      String artifact = childText(dependency, "artifactId");
      if (ours && artifact != null && removedArtifactIds.contains(artifact.strip())) {
        remove(dependency);
      }
    }
  }

  private static void setText(Document pom, Element project, String name, String text) {
    Element element = child(project, name);
    if (element != null) {
      element.setTextContent(text);
    }
  }

  private static Document parse(byte[] xml) throws DistributionException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      // A pom has no business declaring a DTD; refusing one also shuts out external entities.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException | SAXException | IOException unreadable) {
      throw new DistributionException(
          "Cannot read a pom.xml: " + unreadable.getMessage(), unreadable);
    }
  }

  private static byte[] serialize(Document pom) throws DistributionException {
    try {
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer transformer = factory.newTransformer();
      // The JDK's serializer puts the root element on the declaration's line; write it by hand.
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
      transformer.transform(new DOMSource(pom), new StreamResult(out));
      out.write('\n');
      return out.toByteArray();
    } catch (TransformerException unwritable) {
      throw new DistributionException("Cannot write the student pom.xml", unwritable);
    }
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static String childText(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? null : element.getTextContent();
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  private static Element appendChild(Document pom, Element parent, String name) {
    Element element = pom.createElementNS(POM_NAMESPACE, name);
    parent.appendChild(element);
    return element;
  }

  /** Returns the comment right before {@code element}, with only white space between them. */
  private static Comment precedingComment(Element element) {
    for (Node node = element.getPreviousSibling(); node != null; node = node.getPreviousSibling()) {
      if (node instanceof Comment comment) {
        return comment;
      }
      if (node.getNodeType() != Node.TEXT_NODE || !node.getTextContent().isBlank()) {
        return null;
      }
    }
    return null;
  }

  /** Removes {@code element} and the white space before it, so no blank line is left behind. */
  private static void remove(Element element) {
    Node before = element.getPreviousSibling();
    if (before != null
        && before.getNodeType() == Node.TEXT_NODE
        && before.getTextContent().isBlank()) {
      element.getParentNode().removeChild(before);
    }
    element.getParentNode().removeChild(element);
  }
}
