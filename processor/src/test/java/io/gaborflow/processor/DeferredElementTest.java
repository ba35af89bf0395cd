package io.gaborflow.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * A network whose block class does not exist yet, because another processor generates it, is
 * deferred to the round in which the class appears, and then generated as usual.
 */
class DeferredElementTest {
  /** Writes a {@code @Block} class in the first round, as another annotation processor might. */
  private static final class BlockWriter extends AbstractProcessor {
    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (written) {
        return false;
      }
      written = true;
      try (Writer out =
          processingEnv.getFiler().createSourceFile("test.GeneratedBlock").openWriter()) {
        out.write(
            "package test;\n"
                + "import io.gaborflow.core.Bank;\n"
                + "import io.gaborflow.core.annotation.*;\n"
                + "@Block(width = 4)\n"
                + "public class GeneratedBlock {\n"
                + "  @Conv(layer = 1, size = 3, padding = Padding.SAME) @Learnable(filters = 4) Bank conv;\n"
                + "}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }

  @Test
  void waitsForABlockClassAnotherProcessorGenerates() {
    Compilation compilation =
        javac()
            .withProcessors(new BlockWriter(), new NetworkProcessor())
            .compile(JavaFileObjects.forResource("deferred/test/UsesGeneratedBlock.java"));
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .generatedSourceFile("test.UsesGeneratedBlockGraph")
        .contentsAsUtf8String()
        .contains(".blocks(\"blocks\", generatedBlock(), 2, 4, 1)");
  }

  @Test
  void reportsABlockClassThatNeverAppears() {
    Compilation compilation =
        javac()
            .withProcessors(new NetworkProcessor())
            .compile(JavaFileObjects.forResource("deferred/test/UsesGeneratedBlock.java"));
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "field blocks has type GeneratedBlock, which does not exist yet; if another processor generates it,"
                + " check that it runs");
  }
}
