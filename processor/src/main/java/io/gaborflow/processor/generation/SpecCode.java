package io.gaborflow.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.GaborParameter;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.NoiseKind;
import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.annotation.Projection;
import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.AddLayerSpec;
import io.gaborflow.core.model.BankNoise;
import io.gaborflow.core.model.BankSpec;
import io.gaborflow.core.model.BankVisitor;
import io.gaborflow.core.model.BatchNormLayerSpec;
import io.gaborflow.core.model.BlockSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.DropoutLayerSpec;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.FixedTensorBankSpec;
import io.gaborflow.core.model.FlattenLayerSpec;
import io.gaborflow.core.model.GaborBasisBankSpec;
import io.gaborflow.core.model.GlobalAvgPoolLayerSpec;
import io.gaborflow.core.model.LayerSpec;
import io.gaborflow.core.model.LayerVisitor;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.core.model.Step;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The builder calls that recreate a network's steps in generated code, one per kind of step, layer
 * and bank.
 */
final class SpecCode {
  private SpecCode() {}

  static CodeBlock call(Step step, Map<BlockSpec, String> blocks) {
    return step.accept(
        new Step.Visitor<CodeBlock>() {
          @Override
          public CodeBlock layer(Step.Layer layer) {
            return CodeBlock.builder()
                .add(".layer($S, ", layer.origin())
                .add(SpecCode.layer(layer.layer()))
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
          public CodeBlock basis(GaborBasisBankSpec basis) {
            return CodeBlock.builder()
                .add(
                    "new $T($S, $L, $T.$L,$>$>",
                    GaborBasisBankSpec.class,
                    basis.name(),
                    basis.filters(),
                    Initializer.class,
                    basis.initializer())
                .add("\n")
                .add(gaborSpec(basis.basis()))
                .add(")$<$<")
                .build();
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
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add("new $T($S, ", FixedGaborBankSpec.class, bank.name())
            .add(gaborSpec(fixed.gabor()))
            .add(", $L, $T.$L)", fixed.trainableEpochs(), TrainableAt.class, fixed.trainableAt());
    if (fixed.parametric()) {
      code.add(
          "\n.learning($T.of($L))",
          EnumSet.class,
          fixed.learned().stream()
              .map(p -> CodeBlock.of("$T.$L", GaborParameter.class, p))
              .collect(CodeBlock.joining(", ")));
    }
    if (fixed.complexCells()) {
      code.add("\n.withComplexCells()");
    }
    if (fixed.noise().present()) {
      code.add(
          "\n.withNoise(new $T($T.$L, $L))",
          BankNoise.class,
          NoiseKind.class,
          fixed.noise().kind(),
          fixed.noise().scale());
    }
    return code.build();
  }

  /** A Gabor bank's kernels as a {@code GaborBankSpec.builder()} chain, one setting a line. */
  private static CodeBlock gaborSpec(GaborBankSpec g) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()$>$>", GaborBankSpec.class);
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
    return code.add("\n.build()$<$<").build();
  }

  private static String join(List<Double> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
