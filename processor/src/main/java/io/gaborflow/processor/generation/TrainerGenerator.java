package io.gaborflow.processor.generation;

import static io.gaborflow.processor.generation.BackendTypes.DATASET;
import static io.gaborflow.processor.generation.BackendTypes.INJECT;
import static io.gaborflow.processor.generation.BackendTypes.MODEL_TRAINER;
import static io.gaborflow.processor.generation.BackendTypes.TRAINING_CONFIG;
import static io.gaborflow.processor.generation.BackendTypes.TRAINING_LISTENER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.gaborflow.core.model.GeneratedNames;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.processor.base.SourceFileGenerator;
import io.gaborflow.processor.reading.DeclaredNetwork;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code <Name>Trainer}: the model's trainer, injectable so a Dagger component provides it.
 */
public final class TrainerGenerator extends SourceFileGenerator<DeclaredNetwork> {
  public TrainerGenerator(Filer filer, Messager messager) {
    super(filer, messager);
  }

  @Override
  protected ClassName name(DeclaredNetwork network, TypeElement origin) {
    return sibling(origin, GeneratedNames.TRAINER);
  }

  @Override
  protected TypeSpec.Builder write(DeclaredNetwork network, TypeElement origin, ClassName name) {
    NetworkSpec spec = network.spec();
    ClassName graph = GraphGenerator.graphName(origin);
    return TypeSpec.classBuilder(name)
        .addJavadoc(
            "Trains {@code $L} ($L): its graph is {@link $T}.\n",
            spec.modelName(),
            spec.qualifiedName(),
            graph)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(MODEL_TRAINER)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addAnnotation(INJECT)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(TRAINING_CONFIG, "config")
                .addParameter(DATASET, "data")
                .addParameter(
                    ParameterizedTypeName.get(ClassName.get(Set.class), TRAINING_LISTENER),
                    "listeners")
                .addStatement("super(new $T(), config, data, listeners)", graph)
                .build());
  }
}
