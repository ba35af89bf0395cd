package io.gaborflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every public type and member of the library modules (core, the backend, the processor's API
 * package) has a doc comment; the javadoc build checks the comments themselves (doclint).
 */
class PublicApiDocumentedTest {
  private static final List<Path> SOURCES =
      List.of(
          Path.of("../core/src/main/java"),
          Path.of("../tensorflow-backend/src/main/java"),
          Path.of("../processor/src/main/java/io/gaborflow/processor"));

  /** Lists the undocumented public and protected elements of the compiled sources. */
  private static final class Undocumented extends AbstractProcessor {
    final List<String> found = new ArrayList<>();

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
      for (Element root : round.getRootElements()) {
        check(root, processingEnv.getElementUtils());
      }
      return false;
    }

    /**
     * Members the compiler writes, which javac reports as explicit: an enum's {@code values} and
     * {@code valueOf}, a record's accessors and its {@code equals}, {@code hashCode}, {@code
     * toString} (written out by hand, they carry {@code @Override} or a comment of their own).
     */
    private static boolean implicit(Element element) {
      if (!(element instanceof ExecutableElement method)
          || element.getKind() != ElementKind.METHOD) {
        return false;
      }
      Element owner = element.getEnclosingElement();
      String name = method.getSimpleName().toString();
      if (owner.getKind() == ElementKind.ENUM) {
        return name.equals("values") || name.equals("valueOf");
      }
      if (owner.getKind() == ElementKind.RECORD) {
        return List.of("equals", "hashCode", "toString").contains(name)
            || method.getParameters().isEmpty()
                && ((TypeElement) owner)
                    .getRecordComponents().stream()
                        .anyMatch(c -> c.getSimpleName().contentEquals(name));
      }
      return false;
    }

    private void check(Element element, Elements elements) {
      Set<Modifier> modifiers = element.getModifiers();
      boolean visible =
          modifiers.contains(Modifier.PUBLIC)
              || modifiers.contains(Modifier.PROTECTED)
              || element.getEnclosingElement().getKind() == ElementKind.INTERFACE
              || element.getEnclosingElement().getKind() == ElementKind.ANNOTATION_TYPE;
      boolean declared =
          elements.getOrigin(element) == Elements.Origin.EXPLICIT && !implicit(element);
      boolean inherits =
          element instanceof ExecutableElement method
              && method.getAnnotation(Override.class) != null;
      if (visible
          && declared
          && !inherits
          && elements.getDocComment(element) == null
          && element.getKind() != ElementKind.PACKAGE
          && element.getKind() != ElementKind.RECORD_COMPONENT) {
        found.add(element.getEnclosingElement() + "." + element);
      }
      if (!visible && element.getKind() != ElementKind.PACKAGE) {
        return;
      }
      for (Element member : element.getEnclosedElements()) {
        if (member.getKind() != ElementKind.FIELD
            || member.getModifiers().contains(Modifier.PUBLIC)
            || element.getKind().isInterface()) {
          check(member, elements);
        }
      }
    }
  }

  @Test
  void everyPublicTypeAndMemberHasAComment() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : SOURCES) {
      try (Stream<Path> walk =
          Files.walk(root, root.endsWith("processor") ? 1 : Integer.MAX_VALUE)) {
        walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
      }
    }
    assertTrue(files.size() > 100, "found " + files.size() + " source files");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
      Undocumented undocumented = new Undocumented();
      javax.tools.DiagnosticCollector<javax.tools.JavaFileObject> diagnostics =
          new javax.tools.DiagnosticCollector<>();
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              fileManager,
              diagnostics,
              List.of(
                  "-proc:only",
                  "-implicit:none",
                  "-classpath",
                  System.getProperty("java.class.path")),
              null,
              fileManager.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(undocumented));
      assertTrue(
          task.call(),
          () ->
              "the library's sources compile: "
                  + diagnostics.getDiagnostics().stream()
                      .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                      .limit(3)
                      .toList());
      assertEquals(List.of(), undocumented.found);
    }
  }
}
