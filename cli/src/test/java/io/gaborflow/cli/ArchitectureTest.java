package io.gaborflow.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of every module (core, processor, backend, robustness, examples, cli) form no cycle:
 * no package imports one that imports it back, so each can be read, tested and replaced from the
 * bottom up; and they depend downward only, layer by layer.
 */
@AnalyzeClasses(
    packages = "io.gaborflow",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
  /**
   * Leaves out the test helpers other modules publish as test jars: tests are not the architecture.
   */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }

  @ArchTest
  static final ArchRule packagesFormNoCycle =
      slices().matching("io.gaborflow.(**)").should().beFreeOfCycles();

  /**
   * The layering docs/architecture.md draws: each layer uses only the ones below it. Core and the
   * processor know nothing of TensorFlow; the backend's foundation (graph, data, ...) knows no
   * training; checkpoints and exports see the model through narrow interfaces; training sits on all
   * of them; the examples and the command line sit on top, and the library never uses them.
   */
  @ArchTest
  static final ArchRule layersDependDownwardOnly =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("core")
          .definedBy("io.gaborflow.core..")
          .layer("processor")
          .definedBy("io.gaborflow.processor..")
          .layer("foundation")
          .definedBy(
              "io.gaborflow.tensorflow.graph..",
              "io.gaborflow.tensorflow.data..",
              "io.gaborflow.tensorflow.history..",
              "io.gaborflow.tensorflow.optim..",
              "io.gaborflow.tensorflow.runtime..",
              "io.gaborflow.tensorflow.distributed..")
          .layer("storage")
          .definedBy("io.gaborflow.tensorflow.checkpoint..", "io.gaborflow.tensorflow.export..")
          .layer("sources")
          .definedBy("io.gaborflow.tensorflow.sources..")
          .layer("placement")
          .definedBy("io.gaborflow.tensorflow.placement..")
          .layer("training")
          .definedBy("io.gaborflow.tensorflow.train..")
          .layer("wiring")
          .definedBy("io.gaborflow.tensorflow.inject..")
          .layer("robustness")
          .definedBy("io.gaborflow.robustness..")
          .layer("examples")
          .definedBy("io.gaborflow.examples..")
          .layer("cli")
          .definedBy("io.gaborflow.cli..")
          .whereLayer("cli")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("processor")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("examples")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("robustness")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("wiring")
          .mayOnlyBeAccessedByLayers("examples", "cli")
          .whereLayer("training")
          .mayOnlyBeAccessedByLayers("wiring", "examples", "cli")
          .whereLayer("placement")
          .mayOnlyBeAccessedByLayers("training", "wiring", "examples", "cli")
          .whereLayer("sources")
          .mayOnlyBeAccessedByLayers("training", "wiring", "examples", "cli")
          .whereLayer("storage")
          .mayOnlyBeAccessedByLayers(
              "sources", "training", "wiring", "robustness", "examples", "cli")
          .whereLayer("foundation")
          .mayOnlyBeAccessedByLayers(
              "storage",
              "sources",
              "placement",
              "training",
              "wiring",
              "robustness",
              "examples",
              "cli")
          .whereLayer("core")
          .mayOnlyBeAccessedByLayers(
              "processor",
              "foundation",
              "storage",
              "sources",
              "placement",
              "training",
              "wiring",
              "robustness",
              "examples",
              "cli");
}
