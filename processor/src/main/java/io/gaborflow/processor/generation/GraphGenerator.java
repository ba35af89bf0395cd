package io.gaborflow.processor.generation;

import static io.gaborflow.processor.generation.BackendTypes.MODEL_GRAPH;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.GaborParameter;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.annotation.Projection;
import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.AddLayerSpec;
import io.gaborflow.core.model.BankSpec;
import io.gaborflow.core.model.BankVisitor;
import io.gaborflow.core.model.BatchNormLayerSpec;
import io.gaborflow.core.model.BlockSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.DropoutLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.FixedTensorBankSpec;
import io.gaborflow.core.model.FlattenLayerSpec;
import io.gaborflow.core.model.GeneratedNames;
import io.gaborflow.core.model.GlobalAvgPoolLayerSpec;
import io.gaborflow.core.model.LayerSpec;
import io.gaborflow.core.model.LayerVisitor;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.Node;
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.core.model.Scopes;
import io.gaborflow.core.model.Step;
import io.gaborflow.processor.base.SourceFileGenerator;
import io.gaborflow.processor.reading.DeclaredNetwork;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
        blocks.putIfAbsent(use.block(), blockMethodName(use.block()));
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
          describe(step),
          outputOf(spec, Scopes.layer("", i + 1)));
      init.add("\n").add(call(step, blocks));
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

  private static String blockMethodName(BlockSpec block) {
    String simple = block.qualifiedName().substring(block.qualifiedName().lastIndexOf('.') + 1);
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
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
      code.add("\n// Layer $L: $L", i + 1, describe(step));
      code.add("\n").add(call(step, Map.of()));
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

  private static CodeBlock call(Step step, Map<BlockSpec, String> blocks) {
    return step.accept(
        new Step.Visitor<CodeBlock>() {
          @Override
          public CodeBlock layer(Step.Layer layer) {
            return CodeBlock.builder()
                .add(".layer($S, ", layer.origin())
                .add(GraphGenerator.layer(layer.layer()))
                .add(")")
                .build();
          }

          @Override
          public CodeBlock add(Step.Add add) {
            return CodeBlock.of(
                ".add($S, $S, $T.$L, $T.$L)",
                add.origin(),
                add.from(),
                Activation.class,
                add.activation(),
                Projection.class,
                add.projection());
          }

          @Override
          public CodeBlock blocks(Step.Blocks use) {
            return CodeBlock.of(
                ".blocks($S, $L(), $L, $L, $L)",
                use.origin(),
                blocks.get(use.block()),
                use.count(),
                use.width(),
                use.stride());
          }
        });
  }

  private static CodeBlock layer(LayerSpec layer) {
    return layer.accept(
        new LayerVisitor<CodeBlock>() {
          @Override
          public CodeBlock conv(ConvLayerSpec conv) {
            CodeBlock.Builder code =
                CodeBlock.builder()
                    .add(
                        "new $T($L, $L, $T.$L, $T.$L, $T.of($>$>",
                        ConvLayerSpec.class,
                        conv.size(),
                        conv.stride(),
                        Padding.class,
                        conv.padding(),
                        Activation.class,
                        conv.activation(),
                        List.class);
            List<BankSpec> banks = conv.banks();
            for (int i = 0; i < banks.size(); i++) {
              code.add("\n").add(bank(banks.get(i))).add(i + 1 < banks.size() ? "," : "");
            }
            return code.add("))$<$<").build();
          }

          @Override
          public CodeBlock pool(PoolLayerSpec pool) {
            return CodeBlock.of(
                "new $T($S, $T.Kind.$L, $L, $L, $T.$L)",
                PoolLayerSpec.class,
                pool.name(),
                PoolLayerSpec.class,
                pool.kind(),
                pool.size(),
                pool.stride(),
                Padding.class,
                pool.padding());
          }

          @Override
          public CodeBlock dense(DenseLayerSpec dense) {
            return CodeBlock.of(
                "new $T($S, $L, $T.$L, $T.$L)",
                DenseLayerSpec.class,
                dense.name(),
                dense.units(),
                Activation.class,
                dense.activation(),
                Initializer.class,
                dense.initializer());
          }

          @Override
          public CodeBlock dropout(DropoutLayerSpec dropout) {
            return CodeBlock.of(
                "new $T($S, $L)", DropoutLayerSpec.class, dropout.name(), dropout.rate());
          }

          @Override
          public CodeBlock flatten(FlattenLayerSpec flatten) {
            return CodeBlock.of("new $T($S)", FlattenLayerSpec.class, flatten.name());
          }

          @Override
          public CodeBlock globalAvgPool(GlobalAvgPoolLayerSpec pool) {
            return CodeBlock.of("new $T($S)", GlobalAvgPoolLayerSpec.class, pool.name());
          }

          @Override
          public CodeBlock batchNorm(BatchNormLayerSpec norm) {
            return CodeBlock.of(
                "new $T($S, $L, $L, $T.$L)",
                BatchNormLayerSpec.class,
                norm.name(),
                norm.momentum(),
                norm.epsilon(),
                Activation.class,
                norm.activation());
          }

          @Override
          public CodeBlock add(AddLayerSpec add) {
            throw new IllegalArgumentException(
                "an addition is declared as an @Add step, not as a layer: " + add);
          }
        });
  }

  private static CodeBlock bank(BankSpec bank) {
    return bank.accept(
        new BankVisitor<CodeBlock>() {
          @Override
          public CodeBlock gabor(FixedGaborBankSpec gabor) {
            return gaborBank(gabor);
          }

          @Override
          public CodeBlock tensor(FixedTensorBankSpec tensor) {
            return switch (tensor.kind()) {
              case NPY ->
                  CodeBlock.of(
                      "$T.npy($S, $S, $T.of($L))",
                      FixedTensorBankSpec.class,
                      tensor.name(),
                      tensor.location(),
                      List.class,
                      tensor.shape().stream()
                          .map(String::valueOf)
                          .collect(Collectors.joining(", ")));
              case SUPPLIER ->
                  CodeBlock.of(
                      "$T.supplier($S, $T.class, $L)",
                      FixedTensorBankSpec.class,
                      tensor.name(),
                      ClassName.bestGuess(tensor.location()),
                      tensor.filters());
              case MODEL ->
                  CodeBlock.of(
                      "$T.model($S, $S, $S, $L)",
                      FixedTensorBankSpec.class,
                      tensor.name(),
                      tensor.location(),
                      tensor.bank(),
                      tensor.filters());
            };
          }

          @Override
          public CodeBlock learnable(LearnableBankSpec learnable) {
            return CodeBlock.of(
                "new $T($S, $L, $T.$L)",
                LearnableBankSpec.class,
                learnable.name(),
                learnable.filters(),
                Initializer.class,
                learnable.initializer());
          }
        });
  }

  private static CodeBlock gaborBank(FixedGaborBankSpec fixed) {
    BankSpec bank = fixed;
    GaborBankSpec g = fixed.gabor();
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add(
                "new $T($S, $T.builder()$>$>",
                FixedGaborBankSpec.class,
                bank.name(),
                GaborBankSpec.class);
    int n = g.anglesDegrees().size();
    if (g.anglesDegrees().equals(GaborBankSpec.evenlySpacedAngles(n))) {
      code.add("\n.orientations($L)", n);
    } else {
      code.add("\n.angles($L)", join(g.anglesDegrees()));
    }
    code.add("\n.wavelengths($L)", join(g.wavelengths()))
        .add("\n.phases($L)", join(g.phasesDegrees()))
        .add("\n.aspect($L)", g.aspect());
    if (g.sigmaFromBandwidth()) {
      code.add("\n.bandwidth($L)", g.bandwidth());
    } else {
      code.add("\n.sigma($L)", g.sigma());
    }
    code.add("\n.normalization($T.$L)", Normalization.class, g.normalization())
        .add("\n.coverage($T.$L)", ChannelCoverage.class, g.coverage());
    if (g.limit() > 0) {
      code.add("\n.limit($L)", g.limit());
    }
    code.add(
        "\n.build(), $L, $T.$L)$<$<",
        fixed.trainableEpochs(),
        TrainableAt.class,
        fixed.trainableAt());
    if (fixed.parametric()) {
      code.add(
          "\n.learning($T.of($L))",
          EnumSet.class,
          fixed.learned().stream()
              .map(p -> CodeBlock.of("$T.$L", GaborParameter.class, p))
              .collect(CodeBlock.joining(", ")));
    }
    return code.build();
  }

  private static String describe(Step step) {
    return step.accept(
        new Step.Visitor<String>() {
          @Override
          public String layer(Step.Layer layer) {
            return describe(layer.layer());
          }

          @Override
          public String add(Step.Add add) {
            return "shortcut from "
                + (add.from().isEmpty() ? "the input" : add.from())
                + " added, "
                + add.activation().name().toLowerCase(Locale.ROOT);
          }

          @Override
          public String blocks(Step.Blocks use) {
            return use.count()
                + " x "
                + blockMethodName(use.block())
                + ", width "
                + use.width()
                + ", stride "
                + use.stride();
          }
        });
  }

  private static String describe(LayerSpec layer) {
    return layer.accept(
        new LayerVisitor<String>() {
          @Override
          public String conv(ConvLayerSpec conv) {
            int gabor = filters(conv, FixedGaborBankSpec.class);
            int given = filters(conv, FixedTensorBankSpec.class);
            String stride = conv.stride() == 0 ? "the block's" : String.valueOf(conv.stride());
            return String.format(
                "%dx%d convolution, stride %s, %d filters (%d fixed Gabor, %s%d learnable)",
                conv.size(),
                conv.size(),
                stride,
                conv.filters(),
                gabor,
                given > 0 ? given + " fixed given, " : "",
                conv.filters() - gabor - given);
          }

          @Override
          public String pool(PoolLayerSpec pool) {
            return String.format(
                "%dx%d %s pooling, stride %d",
                pool.size(),
                pool.size(),
                pool.kind() == PoolLayerSpec.Kind.MAX ? "max" : "average",
                pool.stride());
          }

          @Override
          public String dense(DenseLayerSpec dense) {
            return "dense " + dense.name() + ", " + dense.units() + " units";
          }

          @Override
          public String dropout(DropoutLayerSpec dropout) {
            return "dropout, rate " + dropout.rate();
          }

          @Override
          public String flatten(FlattenLayerSpec flatten) {
            return "flatten";
          }

          @Override
          public String globalAvgPool(GlobalAvgPoolLayerSpec pool) {
            return "global average pooling";
          }

          @Override
          public String batchNorm(BatchNormLayerSpec norm) {
            return "batch normalisation, " + norm.activation().name().toLowerCase(Locale.ROOT);
          }

          @Override
          public String add(AddLayerSpec add) {
            return "addition, " + add.activation().name().toLowerCase(Locale.ROOT);
          }
        });
  }

  private static int filters(ConvLayerSpec conv, Class<? extends BankSpec> kind) {
    return conv.banks().stream().filter(kind::isInstance).mapToInt(BankSpec::filters).sum();
  }

  private static String join(List<Double> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
