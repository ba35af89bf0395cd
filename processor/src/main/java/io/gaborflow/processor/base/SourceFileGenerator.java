package io.gaborflow.processor.base;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.gaborflow.core.model.GeneratedNames;
import java.io.IOException;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Generated;
import javax.annotation.processing.Messager;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The base of every generator: a subclass writes one type for its input, and this class names the
 * file, marks it {@code @Generated} and writes it through the {@link Filer}, originating from the
 * user's class so incremental builds regenerate it when that class changes.
 *
 * @param <T> what the generator reads
 */
public abstract class SourceFileGenerator<T> {
  /** The name in {@code @Generated}: the processor, whatever generator wrote the file. */
  public static final String GENERATOR = "io.gaborflow.processor.NetworkProcessor";

  private final Filer filer;
  private final Messager messager;

  protected SourceFileGenerator(Filer filer, Messager messager) {
    this.filer = filer;
    this.messager = messager;
  }

  /** The generated type's name. */
  protected abstract ClassName name(T input, TypeElement origin);

  /** The generated type, without its {@code @Generated} annotation. */
  protected abstract TypeSpec.Builder write(T input, TypeElement origin, ClassName name);

  public final void generate(T input, TypeElement origin) {
    ClassName name = name(input, origin);
    TypeSpec type =
        write(input, origin, name)
            .addAnnotation(
                AnnotationSpec.builder(Generated.class)
                    .addMember("value", "$S", GENERATOR)
                    .addMember("comments", "$S", "from " + origin.getQualifiedName())
                    .build())
            .addOriginatingElement(origin)
            .build();
    JavaFile file =
        JavaFile.builder(name.packageName(), type).indent("  ").skipJavaLangImports(true).build();
    try {
      file.writeTo(filer);
    } catch (IOException e) {
      messager.printMessage(
          Diagnostic.Kind.ERROR,
          "gaborflow could not write " + name + ": " + e.getMessage(),
          origin);
    }
  }

  /** {@code Outer_Inner} + suffix for a nested class, {@code Name} + suffix for a top-level one. */
  protected static ClassName sibling(TypeElement origin, String suffix) {
    ClassName original = ClassName.get(origin);
    return ClassName.get(
        original.packageName(), GeneratedNames.simpleName(original.simpleNames(), suffix));
  }
}
