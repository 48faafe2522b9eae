package com.kitchencpq.paramkernel.plugin.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every name in {@link PropertyNames} is documented in the README: a {@code paramkernel.*} property
 * has its own row in the property table, an environment variable is named in the text. A failure
 * says which row to add, filled in from the plugin descriptor where it knows the goal, the default
 * and the meaning.
 */
class PropertyNamesInReadmeTest {
  private static final Path README = Path.of("../README.md");
  private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`(paramkernel\\.[^`]+)`\\s*\\|");

  @Test
  void everyPropertyHasARowInTheReadmeTable() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Set<String> rows = new TreeSet<>();
    for (String line : readme.split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        rows.add(m.group(1));
      }
    }
    assertThat(rows).as("rows of the property table in %s", README).isNotEmpty();

    List<String> missing = new ArrayList<>();
    for (Field field : PropertyNames.class.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
        continue;
      }
      String name = (String) field.get(null);
      if (name.startsWith("paramkernel.")) {
        if (!rows.contains(name)) {
          missing.add(
              "PropertyNames."
                  + field.getName()
                  + " ("
                  + name
                  + ") has no row in the property table of README.md (section \"### Properties\")."
                  + " Add this row, with the goal, default and meaning checked:\n"
                  + suggestedRow(name));
        }
      } else if (!readme.contains("`" + name + "`")) {
        missing.add(
            "PropertyNames."
                + field.getName()
                + " ("
                + name
                + ") is not named in"
                + " README.md; name it as `"
                + name
                + "` where the README says what it is for");
      }
    }
    assertThat(missing).withFailMessage("%s", String.join("\n\n", missing)).isEmpty();
  }

  @Test
  void aSuggestedRowNamesTheGoalDefaultAndMeaningFromTheDescriptor() throws Exception {
    String row = suggestedRow(PropertyNames.RESOLVE_TIMEOUT);
    assertThat(row).startsWith("| `paramkernel.resolve.timeout` | ");
    if (Files.isRegularFile(DESCRIPTOR)) {
      assertThat(row)
          .isEqualTo(
              "| `paramkernel.resolve.timeout` | resolve-digest | `15s` | "
                  + "Time budget for all registry requests and retries. |");
    }
  }

  /**
   * The row for {@code name}: the goals whose parameters read it, the default and the parameter's
   * description from the plugin descriptor; placeholders where it says nothing (a property a goal
   * sets for later goals is no parameter).
   */
  private static String suggestedRow(String name) throws Exception {
    Set<String> goals = new LinkedHashSet<>();
    String defaultValue = null;
    String meaning = null;
    if (Files.isRegularFile(DESCRIPTOR)) {
      Document doc =
          DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
      NodeList mojos = doc.getElementsByTagName("mojo");
      for (int i = 0; i < mojos.getLength(); i++) {
        Element mojo = (Element) mojos.item(i);
        Element configuration = child(mojo, "configuration");
        if (configuration == null) {
          continue;
        }
        for (Node n = configuration.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n instanceof Element e && e.getTextContent().trim().equals("${" + name + "}")) {
            goals.add(child(mojo, "goal").getTextContent().trim());
            if (defaultValue == null && e.hasAttribute("default-value")) {
              defaultValue = e.getAttribute("default-value");
            }
            if (meaning == null) {
              meaning = description(mojo, e.getTagName());
            }
          }
        }
      }
    }
    return "| `"
        + name
        + "` | "
        + (goals.isEmpty() ? "<goal that reads or sets it>" : String.join(", ", goals))
        + " | "
        + (defaultValue == null ? "<default, or none>" : "`" + defaultValue + "`")
        + " | "
        + (meaning == null || meaning.isEmpty() ? "<what it means>" : meaning)
        + " |";
  }

  private static String description(Element mojo, String parameter) {
    NodeList parameters = mojo.getElementsByTagName("parameter");
    for (int i = 0; i < parameters.getLength(); i++) {
      Element p = (Element) parameters.item(i);
      Element n = child(p, "name");
      Element d = child(p, "description");
      if (n != null && n.getTextContent().trim().equals(parameter) && d != null) {
        return d.getTextContent().replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").trim();
      }
    }
    return null;
  }

  private static Element child(Element parent, String tag) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        return e;
      }
    }
    return null;
  }
}
