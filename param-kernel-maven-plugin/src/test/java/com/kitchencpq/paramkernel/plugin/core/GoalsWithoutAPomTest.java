package com.kitchencpq.paramkernel.plugin.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README says which goals run without a POM; the plugin descriptor decides it ({@code
 * requiresProject}). Keeps the two in step.
 */
class GoalsWithoutAPomTest {
  @Test
  void onlyTheGoalsTheReadmeNamesNeedAProject() throws Exception {
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
    List<String> needProject = new ArrayList<>();
    NodeList mojos = doc.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      String goal = mojo.getElementsByTagName("goal").item(0).getTextContent().trim();
      NodeList requires = mojo.getElementsByTagName("requiresProject");
      if (requires.getLength() == 0
          || Boolean.parseBoolean(requires.item(0).getTextContent().trim())) {
        needProject.add(goal);
      }
    }
    assertThat(needProject)
        .as(
            "goals whose @Mojo needs a project; a goal should run without a POM (requiresProject ="
                + " false) or be named in the README's sentence \"Every goal but ... runs with or"
                + " without a POM\", and here")
        .containsExactly("image");
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    assertThat(readme.replaceAll("\\s+", " "))
        .contains("Every goal but `image` runs with or without a POM")
        .contains("`image` needs the service's Maven project");
  }
}
