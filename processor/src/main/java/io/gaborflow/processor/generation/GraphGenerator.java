package io.gaborflow.processor.generation;

import static io.gaborflow.processor.generation.BackendTypes.MODEL_GRAPH;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.gaborflow.core.model.BlockSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.GeneratedNames;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.Node;
import io.gaborflow.core.model.Scopes;
import io.gaborflow.core.model.Step;
import io.gaborflow.processor.base.SourceFileGenerator;
import io.gaborflow.processor.reading.DeclaredNetwork;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code <Name>Graph}: the network's description built with core's {@code NetworkSpec}
 * builder, one call per declared layer, each preceded by a comment with its output shape, so the
 * generated file reads as the architecture. A block class becomes one method that builds its {@code
 * BlockSpec}.
 */
public final class GraphGenerator extends SourceFileGenerator<DeclaredNetwork> {
  public GraphGenerator(Filer filer, Messager messager) {
    super(filer, messager);
  }

  static ClassName graphName(TypeElement origin) {
    return sibling(origin, GeneratedNames.GRAPH);
  }

  @Override
  protected ClassName name(DeclaredNetwork input, TypeElement origin) {
    return graphName(origin);
  }

  @Override
  protected TypeSpec.Builder write(DeclaredNetwork input, TypeElement origin, ClassName name) {
    NetworkSpec spec = input.spec();
    FeatureShape in = spec.input();
    Map<BlockSpec, String> blocks = new LinkedHashMap<>();
    for (Step step : input.steps()) {
      if (step instanceof Step.Blocks use) {
        if (!blocks.containsKey(use.block())) {
          blocks.put(use.block(), blockMethodName(use.block(), blocks.values()));
        }
      }
    }
    CodeBlock.Builder init =
        CodeBlock.builder()
            .add(
                "$T.builder($S, MODEL_NAME, $T.spatial($L, $L, $L), $L)$>$>",
                NetworkSpec.class,
                spec.qualifiedName(),
                FeatureShape.class,
                in.height(),
                in.width(),
                in.channels(),
                spec.classes());
    for (int i = 0; i < input.steps().size(); i++) {
      Step step = input.steps().get(i);
      init.add(
          "\n// Layer $L: $L -> $L",
          i + 1,
          StepComments.describe(step, blocks),
          outputOf(spec, Scopes.layer("", i + 1)));
      init.add("\n").add(SpecCode.call(step, blocks));
    }
    init.add("\n.build()$<$<");
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addJavadoc(
                "The network {@code $L}, declared by {@code $L}, as gaborflow's description.\n",
                spec.modelName(),
                spec.qualifiedName())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(MODEL_GRAPH)
            .addField(
                FieldSpec.builder(
                        String.class,
                        "MODEL_NAME",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer("$S", spec.modelName())
                    .build())
            .addField(
                FieldSpec.builder(
                        NetworkSpec.class,
                        "SPEC",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer(init.build())
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("spec")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(NetworkSpec.class)
                    .addStatement("return SPEC")
                    .build());
    for (Map.Entry<BlockSpec, String> block : blocks.entrySet()) {
      type.addMethod(blockMethod(block.getKey(), block.getValue()));
    }
    return type;
  }

  /**
   * The method that builds {@code block}: its simple name ({@code basic()}), or, when another block
   * of the network already has that name, as many of its enclosing names as tell it apart ({@code
   * gaborResNet20Basic()} beside {@code resNet20Basic()}).
   */
  private static String blockMethodName(BlockSpec block, Collection<String> taken) {
    String[] names = block.qualifiedName().split("\\.");
    for (int used = 1; used <= names.length; used++) {
      String joined =
          String.join("", Arrays.asList(names).subList(names.length - used, names.length));
      String name = Character.toLowerCase(joined.charAt(0)) + joined.substring(1);
      if (!taken.contains(name)) {
        return name;
      }
    }
    throw new IllegalStateException("two blocks named " + block.qualifiedName());
  }

  private static MethodSpec blockMethod(BlockSpec block, String name) {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add(
                "return $T.builder($S, $L)$>$>",
                BlockSpec.class,
                block.qualifiedName(),
                block.width());
    for (int i = 0; i < block.steps().size(); i++) {
      Step step = block.steps().get(i);
      code.add("\n// Layer $L: $L", i + 1, StepComments.describe(step, Map.of()));
      code.add("\n").add(SpecCode.call(step, Map.of()));
    }
    code.add("\n.build();\n$<$<");
    return MethodSpec.methodBuilder(name)
        .addJavadoc(
            "Block {@code $L}, declared for width $L.\n", block.qualifiedName(), block.width())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(BlockSpec.class)
        .addCode(code.build())
        .build();
  }

  /** The output shape of the last node placed for the network's step at {@code scope}. */
  private static FeatureShape outputOf(NetworkSpec spec, String scope) {
    FeatureShape shape = null;
    for (int i = 0; i < spec.nodes().size(); i++) {
      Node node = spec.nodes().get(i);
      if (Scopes.within(node.scope(), scope)) {
        shape = spec.shapeOf(i);
      }
    }
    return shape;
  }
}
