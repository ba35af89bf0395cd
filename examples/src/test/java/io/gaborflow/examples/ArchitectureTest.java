package io.gaborflow.examples;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of every module (core, processor, backend, examples) form no cycle: no package
 * imports one that imports it back, so each can be read, tested and replaced from the bottom up.
 */
@AnalyzeClasses(packages = "io.gaborflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule packagesFormNoCycle = slices().matching("io.gaborflow.(**)").should().beFreeOfCycles();
}
