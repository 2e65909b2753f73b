package org.transferlake;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shape of the code base (docs/architecture.md): packages in the order data meets them, each using only the
 * packages listed for it here, no cycle between packages or between classes, and the command line using only the
 * library's entry points.
 */
class ArchitectureTest {
  private static final String ROOT = "org.transferlake";

  /**
   * Each package (relative to org.transferlake) and the project packages it may use; "x.." is x and its
   * sub-packages. A new package must be added here, with what it may use.
   */
  static final Map<String, List<String>> ALLOWED = allowed();

  private static Map<String, List<String>> allowed() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("config", List.of());
    m.put("composition", List.of());
    m.put("lake", List.of("config"));
    m.put("lineage", List.of("config", "lake"));
    m.put("ingest.catalog", List.of("config", "lake", "lineage"));
    m.put("ingest.formats", List.of("config", "composition", "ingest.catalog"));
    m.put("ingest", List.of("config", "composition", "lake", "lineage", "ingest.catalog", "ingest.formats"));
    m.put("featurize", List.of("config", "composition", "lake"));
    m.put("model.learn", List.of());
    m.put("model.learn.forest", List.of("model.learn"));
    m.put("model.learn.mllib", List.of("model.learn"));
    m.put("model.learn.mlp", List.of("model.learn"));
    m.put("model.transfer", List.of("model.learn"));
    m.put("model.acquisition", List.of("model.learn"));
    m.put("model.components", List.of("model.learn..", "model.transfer"));
    m.put("model.registry", List.of("config", "lake", "model.learn", "model.transfer", "model.components"));
    m.put("train.experiment", List.of("config", "lake", "model.learn..", "model.transfer", "model.acquisition",
        "model.components"));
    m.put("train.data", List.of("config", "composition", "lake", "lineage", "featurize", "model.learn",
        "model.transfer", "train.experiment"));
    m.put("train.units", List.of("config", "composition", "lake", "model..", "train.experiment", "train.data"));
    m.put("train.campaign", List.of("composition", "model..", "train.experiment", "train.data"));
    m.put("train", List.of("config", "lake", "lineage", "featurize", "model..", "train.experiment", "train.data",
        "train.units", "train.campaign"));
    m.put("predict", List.of("config", "composition", "lake", "featurize", "model.learn", "model.transfer",
        "model.registry"));
    m.put("suggest", List.of("config", "composition", "lake", "featurize", "model.learn", "model.transfer",
        "model.registry", "model.acquisition", "predict"));
    m.put("report", List.of("config", "lake", "model.components", "model.learn", "train.experiment"));
    m.put("ops", List.of("config", "lake"));
    // ingest.catalog: the scaffolds of a workspace source; the unit a target's source declares (PredictStage)
    m.put("pipeline", List.of("config", "lake", "ingest", "ingest.catalog", "featurize", "model.learn",
        "model.registry", "train..", "predict", "suggest", "report", "ops"));
    m.put("bench", List.of("config", "composition", "lake", "ingest", "featurize", "model.acquisition", "suggest",
        "pipeline"));
    m.put("jobs", List.of("config", "pipeline", "bench")); // and the types of their API: see commandLine...
    return m;
  }

  /** The packages whose public classes are the library's entry points for the command line. */
  private static final List<String> ENTRY_POINTS = List.of("config", "pipeline", "bench");

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

  @Test
  void everyPackageIsDeclared() {
    Set<String> packages = CLASSES.stream().map(c -> relative(c.getPackageName())).collect(Collectors.toCollection(
        TreeSet::new));
    assertEquals(new TreeSet<>(ALLOWED.keySet()), packages, "packages in the code (right) against those declared in"
        + " ArchitectureTest.ALLOWED (left): declare a new package there with the packages it may use");
  }

  @TestFactory
  Stream<DynamicTest> eachPackageUsesOnlyThePackagesListedForIt() {
    return ALLOWED.entrySet().stream().filter(e -> !e.getKey().equals("jobs")).map(e -> DynamicTest.dynamicTest(
        e.getKey(), () -> classes().that().resideInAPackage(absolute(e.getKey()))
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
                .or(resideInAnyPackage(absolute(e.getKey())))
                .or(resideInAnyPackage(e.getValue().stream().map(ArchitectureTest::absolute).toArray(String[]::new))))
            .because("docs/architecture.md lists what " + e.getKey() + " may use").check(CLASSES)));
  }

  /** train.units runs inside Spark tasks: of lake it uses the metric declaration only, never the lake itself. */
  @Test
  void trainUnitsUsesOnlyTheMetricDeclarationOfLake() {
    noClasses().that().resideInAPackage(absolute("train.units")).should().dependOnClassesThat(describe(
        "lake classes other than lake.Metric", (JavaClass c) -> c.getPackageName().equals(absolute("lake"))
            && !topLevel(c).getName().equals(absolute("lake.Metric")))).check(CLASSES);
  }

  @Test
  void noCycleBetweenPackages() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void noCycleBetweenClasses() {
    slices().assignedFrom(BY_TOP_LEVEL_CLASS).should().beFreeOfCycles().check(CLASSES);
  }

  /**
   * The commands use the library only through its entry points: the public classes of {@link #ENTRY_POINTS} and
   * the types their public methods, constructors and fields take, return or throw (and, one step further, those
   * types' own).
   */
  @Test
  void commandLineUsesOnlyTheLibrarysEntryPoints() {
    Set<String> api = apiTypes();
    classes().that().resideInAPackage(absolute("jobs"))
        .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
            .or(resideInAnyPackage(absolute("jobs")))
            .or(resideInAnyPackage(ENTRY_POINTS.stream().map(ArchitectureTest::absolute).toArray(String[]::new)))
            .or(describe("types of the entry points' API", (JavaClass c) -> api.contains(topLevel(c).getName()))))
        .check(CLASSES);
  }

  private static Set<String> apiTypes() {
    Set<String> api = new TreeSet<>();
    Set<String> seen = new TreeSet<>(); // each type once, nested ones too (a Request and a Result of one class)
    Deque<JavaClass> frontier = new ArrayDeque<>();
    CLASSES.stream().filter(c -> ENTRY_POINTS.contains(relative(c.getPackageName()))
        && c.getModifiers().contains(JavaModifier.PUBLIC)).forEach(frontier::add);
    for (int depth = 0; depth < 2; depth++) {
      Deque<JavaClass> next = new ArrayDeque<>();
      for (JavaClass c : frontier) {
        for (JavaClass t : signatureTypes(c)) {
          if (t.getPackageName().startsWith(ROOT) && seen.add(t.getName())) {
            api.add(topLevel(t).getName());
            next.add(t);
          }
        }
      }
      frontier = next;
    }
    return api;
  }

  private static Set<JavaClass> signatureTypes(JavaClass c) {
    Set<JavaClass> out = new java.util.HashSet<>();
    for (JavaCodeUnit unit : c.getCodeUnits()) {
      if (unit.getModifiers().contains(JavaModifier.PUBLIC)) {
        out.addAll(unit.getReturnType().getAllInvolvedRawTypes());
        unit.getParameterTypes().forEach(p -> out.addAll(p.getAllInvolvedRawTypes()));
        unit.getThrowsClause().getTypes().forEach(t -> out.addAll(t.getAllInvolvedRawTypes()));
      }
    }
    for (JavaField field : c.getFields()) {
      if (field.getModifiers().contains(JavaModifier.PUBLIC)) {
        out.addAll(field.getType().getAllInvolvedRawTypes());
      }
    }
    return out;
  }

  private static final SliceAssignment BY_TOP_LEVEL_CLASS = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      return c.getPackageName().startsWith(ROOT) ? SliceIdentifier.of(topLevel(c).getName()) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "top-level classes (a nested class belongs to its outer class)";
    }
  };

  private static JavaClass topLevel(JavaClass c) {
    JavaClass top = c;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
  }

  private static String absolute(String relative) {
    return ROOT + "." + relative; // "x.." stays a pattern for x and its sub-packages
  }

  private static String relative(String packageName) {
    return packageName.substring(ROOT.length() + 1);
  }
}
