package org.transferlake.model.components;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.transferlake.testing.TestPaths;

class ComponentsPageTest {
  @Test
  void theComponentsPageIsInStepWithTheRegistry() throws IOException {
    Path page = TestPaths.project().toPath().resolve("docs/components.md");
    if (Boolean.getBoolean("transferlake.write-docs")) {
      Files.writeString(page, ComponentsPage.markdown());
    }
    assertEquals(ComponentsPage.markdown(), Files.exists(page) ? Files.readString(page) : "",
        "docs/components.md is out of step with the component registry: rewrite it as the page's first lines say");
  }
}
