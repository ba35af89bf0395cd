package io.gaborflow.examples;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of every module (core, processor, backend, examples) form no cycle: no package
 * imports one that imports it back, so each can be read, tested and replaced from the bottom up.
 */
@AnalyzeClasses(packages = "io.gaborflow",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
  /** Leaves out the test helpers other modules publish as test jars: tests are not the architecture. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }

  @ArchTest
  static final ArchRule packagesFormNoCycle = slices().matching("io.gaborflow.(**)").should().beFreeOfCycles();
}
