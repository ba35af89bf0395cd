package io.gaborflow.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each source under {@code good/} compiles without warnings (but for unclaimed annotations such as
 * {@code @Inject}, which Dagger claims in a real build), together with the code generated for it
 * (against the real backend), and the generated code equals the golden file under {@code expected/}
 * to the character: it is code users read.
 *
 * <p>After a deliberate change to the generators, rewrite the golden files with {@code
 * -Dgaborflow.updateGolden=true} and review the diff.
 */
class NetworkProcessorGoldenTest {
  /** Where the test sources' .npy resources are; a Maven build finds them in target/classes. */
  static final java.util.List<String> RESOURCES =
      java.util.List.of("-sourcepath", "src/test/resources/npy");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "HalfGaborNet",
    "AllLearnableNet",
    "GivenFiltersNet",
    "ResidualNet",
    "ParametricGaborNet",
    "VOneGaborNet",
    "GaborBasisNet"
  })
  void generatesGraphAndTrainer(String name) throws IOException {
    JavaFileObject source = JavaFileObjects.forResource("good/test/" + name + ".java");
    Compilation compilation =
        javac()
            .withProcessors(new NetworkProcessor())
            .withOptions(
                java.util.stream.Stream.concat(
                        RESOURCES.stream(),
                        java.util.stream.Stream.of("-Xlint:all,-processing", "-Werror"))
                    .toList())
            .compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    for (String suffix : new String[] {"Graph", "Trainer"}) {
      String generated =
          compilation
              .generatedSourceFile("test." + name + suffix)
              .orElseThrow()
              .getCharContent(false)
              .toString();
      compareWithGolden("expected/test/" + name + suffix + ".java", generated);
    }
  }

  private static void compareWithGolden(String resource, String actual) {
    Path source = Path.of("src/test/resources").resolve(resource);
    try {
      if (Boolean.getBoolean("gaborflow.updateGolden")) {
        Files.createDirectories(source.getParent());
        Files.writeString(source, actual, StandardCharsets.UTF_8);
      }
      assertEquals(Files.readString(source, StandardCharsets.UTF_8), actual, resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
