package org.transferlake.model.components;

import org.transferlake.model.learn.LearnerComponent;
import org.transferlake.model.learn.Param;
import org.transferlake.model.transfer.ArchitectureComponent;
import org.transferlake.model.transfer.ArchitectureWrapper;

/** docs/components.md: every registered component with what an experiment file may write for it. */
public final class ComponentsPage {
  private ComponentsPage() {}

  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Components\n\n")
        .append("What an experiment file (`conf/experiments/*.conf`) may name: the learners with their")
        .append(" hyperparameters, the architectures and the wrappers that apply to any architecture. This page is")
        .append(" written from the component registry (`model/components/Components.java`); `ComponentsPageTest`")
        .append(" fails when it is out of step (rewrite it with `mvn -B -ntp test -Dtest=ComponentsPageTest")
        .append(" -Dsurefire.failIfNoSpecifiedTests=false -Dtransferlake.write-docs=true`).\n\n");
    md.append("## Learners\n\n")
        .append("`learners[].grid` and `options.source-learner` take these hyperparameters; an absent one takes its")
        .append(" default.\n");
    for (LearnerComponent l : Components.learners()) {
      md.append("\n### `").append(l.name()).append("`\n\n").append(sentence(l.doc()));
      if (l.trainsOneAtATime()) {
        md.append(" Fits run one at a time per JVM; tasks side by side are packed to reach such units at different")
            .append(" times.");
      }
      md.append(l.budget() == null ? " Successive halving's early rungs fit it on a share of the rows."
          : " Successive halving's early rungs fit it with a share of `" + l.budget().param().name() + "` (at least "
              + l.budget().minimum() + ").");
      md.append("\n\n| hyperparameter | default | allowed | meaning |\n|---|---|---|---|\n");
      for (Param<?> p : l.params()) {
        md.append("| `").append(p.name()).append("` | ").append(fallback(p)).append(" | ").append(p.expected())
            .append(" | ").append(p.doc()).append(" |\n");
      }
    }
    md.append("\n## Architectures\n\n")
        .append("`architectures` lists them; `").append(Components.YARDSTICK)
        .append("` is the yardstick the others are measured against. The cost is a unit's, in fits of its learner.\n\n")
        .append("| architecture | what it needs | cost | meaning |\n|---|---|---|---|\n");
    for (ArchitectureComponent a : Components.architectures()) {
      md.append("| `").append(a.name()).append("` | ").append(uses(a.needs()))
          .append(a.usesLearner() ? "" : "; fits no learner (one unit per learner, no hyperparameters)").append(" | ")
          .append(a.costFactor()).append(" | ").append(a.doc()).append(" |\n");
    }
    md.append("\n## Wrappers\n\nEach applies to any architecture above: `<prefix><architecture>`.\n\n")
        .append("| prefix | meaning |\n|---|---|\n");
    for (ArchitectureWrapper w : Components.wrappers()) {
      md.append("| `").append(w.prefix()).append("` | ").append(w.doc()).append(" |\n");
    }
    return md.toString();
  }

  private static <T> String fallback(Param<T> p) {
    return "`" + p.write(p.fallback()) + "`";
  }

  private static String uses(ArchitectureComponent.Needs needs) {
    String use = switch (needs.sources()) {
      case NONE -> "none";
      case POOLS_ROWS -> "pools their rows (`options.union-source-rows`)";
      case SOURCE_MODELS -> "stage-one source models, shared";
    };
    return use + (needs.maxSources() > 0 ? "; at most " + needs.maxSources() + " source" : "")
        + (needs.regressionOnly() ? "; numeric targets only" : "");
  }

  private static String sentence(String doc) {
    return Character.toUpperCase(doc.charAt(0)) + doc.substring(1) + ".";
  }
}
