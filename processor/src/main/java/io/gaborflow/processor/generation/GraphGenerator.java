package io.gaborflow.processor.generation;

import static io.gaborflow.processor.generation.BackendTypes.ACTIVATION;
import static io.gaborflow.processor.generation.BackendTypes.CHANNEL_COVERAGE;
import static io.gaborflow.processor.generation.BackendTypes.FILTER_SOURCES;
import static io.gaborflow.processor.generation.BackendTypes.GABOR_BANK_SPEC;
import static io.gaborflow.processor.generation.BackendTypes.INITIALIZER;
import static io.gaborflow.processor.generation.BackendTypes.INPUT_SPEC;
import static io.gaborflow.processor.generation.BackendTypes.MODEL_GRAPH;
import static io.gaborflow.processor.generation.BackendTypes.NETWORK_BUILDER;
import static io.gaborflow.processor.generation.BackendTypes.NORMALIZATION;
import static io.gaborflow.processor.generation.BackendTypes.PADDING;
import static io.gaborflow.processor.generation.BackendTypes.TRAINABLE_AT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.BankSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.DropoutLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.FixedTensorBankSpec;
import io.gaborflow.core.model.FlattenLayerSpec;
import io.gaborflow.core.model.GlobalAvgPoolLayerSpec;
import io.gaborflow.core.model.LayerSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.processor.base.SourceFileGenerator;
import java.util.List;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code <Name>Graph}: one {@code NetworkBuilder} call per layer, each preceded by a
 * comment with the layer's output shape, so the generated file reads as the architecture.
 */
public final class GraphGenerator extends SourceFileGenerator<NetworkSpec> {
  public GraphGenerator(Filer filer, Messager messager) {
    super(filer, messager);
  }

  static ClassName graphName(TypeElement origin) {
    return sibling(origin, "Graph");
  }

  @Override
  protected ClassName name(NetworkSpec spec, TypeElement origin) {
    return graphName(origin);
  }

  @Override
  protected TypeSpec.Builder write(NetworkSpec spec, TypeElement origin, ClassName name) {
    FeatureShape in = spec.input();
    return TypeSpec.classBuilder(name)
        .addJavadoc("The TensorFlow graph of {@code $L}, declared by {@code $L}.\n", spec.modelName(),
            spec.qualifiedName())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(MODEL_GRAPH)
        .addField(
            FieldSpec.builder(String.class, "MODEL_NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", spec.modelName())
                .build())
        .addMethod(
            MethodSpec.methodBuilder("modelName")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return MODEL_NAME")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("input")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(INPUT_SPEC)
                .addStatement("return new $T($L, $L, $L, $L)", INPUT_SPEC, in.height(), in.width(),
                    in.channels(), spec.classes())
                .build())
        .addMethod(
            MethodSpec.methodBuilder("build")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(NETWORK_BUILDER, "net")
                .addCode(layers(spec))
                .build());
  }

  private static CodeBlock layers(NetworkSpec spec) {
    CodeBlock.Builder code = CodeBlock.builder();
    List<FeatureShape> shapes = spec.outputShapes();
    for (int i = 0; i < spec.layers().size(); i++) {
      LayerSpec layer = spec.layers().get(i);
      code.add("// Layer $L: $L -> $L\n", layer.index(), describe(layer), shapes.get(i));
      code.add(call(layer));
    }
    return code.build();
  }

  private static CodeBlock call(LayerSpec layer) {
    if (layer instanceof ConvLayerSpec conv) {
      CodeBlock.Builder code = CodeBlock.builder()
          .add("net.conv($L, $L, $T.$L, $T.$L,$>$>", conv.size(), conv.stride(), PADDING,
              conv.padding(), ACTIVATION, conv.activation());
      List<BankSpec> banks = conv.banks();
      for (int i = 0; i < banks.size(); i++) {
        code.add("\n").add(bank(banks.get(i))).add(i + 1 < banks.size() ? "," : "");
      }
      return code.add(");\n$<$<").build();
    }
    if (layer instanceof PoolLayerSpec pool) {
      String method = pool.kind() == PoolLayerSpec.Kind.MAX ? "maxPool" : "avgPool";
      return CodeBlock.of("net.$L($L, $L, $T.$L);\n", method, pool.size(), pool.stride(), PADDING, pool.padding());
    }
    if (layer instanceof DenseLayerSpec dense) {
      return CodeBlock.of("net.dense($S, $L, $T.$L, $T.$L);\n", dense.name(), dense.units(), ACTIVATION,
          dense.activation(), INITIALIZER, dense.initializer());
    }
    if (layer instanceof DropoutLayerSpec dropout) {
      return CodeBlock.of("net.dropout($L);\n", dropout.rate());
    }
    if (layer instanceof FlattenLayerSpec) {
      return CodeBlock.of("net.flatten();\n");
    }
    if (layer instanceof GlobalAvgPoolLayerSpec) {
      return CodeBlock.of("net.globalAvgPool();\n");
    }
    throw new IllegalArgumentException("no code for " + layer);
  }

  private static CodeBlock bank(BankSpec bank) {
    if (bank instanceof LearnableBankSpec learnable) {
      return CodeBlock.of("net.learnable($S, $L, $T.$L)", learnable.name(), learnable.filters(), INITIALIZER,
          learnable.initializer());
    }
    if (bank instanceof FixedTensorBankSpec tensor) {
      return switch (tensor.kind()) {
        case NPY -> CodeBlock.of("net.fixedTensor($S, $T.npy($S))", bank.name(), FILTER_SOURCES, tensor.location());
        case SUPPLIER -> CodeBlock.of("net.fixedTensor($S, $T.supplier($T::new, $L))", bank.name(), FILTER_SOURCES,
            ClassName.bestGuess(tensor.location()), tensor.filters());
        case MODEL -> CodeBlock.of("net.fixedTensor($S, $T.model($S, $S, $L))", bank.name(), FILTER_SOURCES,
            tensor.location(), tensor.bank(), tensor.filters());
      };
    }
    FixedGaborBankSpec fixed = (FixedGaborBankSpec) bank;
    GaborBankSpec g = fixed.gabor();
    CodeBlock.Builder code = CodeBlock.builder().add("net.fixedGabor($S, $T.builder()$>$>", bank.name(), GABOR_BANK_SPEC);
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
    code.add("\n.normalization($T.$L)", NORMALIZATION, g.normalization())
        .add("\n.coverage($T.$L)", CHANNEL_COVERAGE, g.coverage());
    if (g.limit() > 0) {
      code.add("\n.limit($L)", g.limit());
    }
    return code
        .add("\n.build())$<$<")
        .add(fixed.trainableEpochs() == 0
            ? CodeBlock.of("")
            : CodeBlock.of("\n$>$>.trainableFor($L, $T.$L)$<$<", fixed.trainableEpochs(), TRAINABLE_AT,
                fixed.trainableAt()))
        .build();
  }

  private static String describe(LayerSpec layer) {
    if (layer instanceof ConvLayerSpec conv) {
      int gabor = conv.banks().stream().filter(b -> b instanceof FixedGaborBankSpec).mapToInt(BankSpec::filters).sum();
      int given = conv.banks().stream().filter(b -> b instanceof FixedTensorBankSpec).mapToInt(BankSpec::filters).sum();
      return String.format("%dx%d convolution, stride %d, %d filters (%d fixed Gabor, %s%d learnable)",
          conv.size(), conv.size(), conv.stride(), conv.filters(), gabor,
          given > 0 ? given + " fixed given, " : "", conv.filters() - gabor - given);
    }
    if (layer instanceof PoolLayerSpec pool) {
      return String.format("%dx%d %s pooling, stride %d", pool.size(), pool.size(),
          pool.kind() == PoolLayerSpec.Kind.MAX ? "max" : "average", pool.stride());
    }
    if (layer instanceof DenseLayerSpec dense) {
      return "dense " + dense.name() + ", " + dense.units() + " units";
    }
    if (layer instanceof DropoutLayerSpec dropout) {
      return "dropout, rate " + dropout.rate();
    }
    if (layer instanceof FlattenLayerSpec) {
      return "flatten";
    }
    return "global average pooling";
  }

  private static String join(List<Double> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
