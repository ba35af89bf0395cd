package io.gaborflow.processor.generation;

import io.gaborflow.core.model.AddLayerSpec;
import io.gaborflow.core.model.BankSpec;
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
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.core.model.Step;
import java.util.Locale;
import java.util.Map;

/** The comment above each step in generated code: what the step is, in words. */
final class StepComments {
  private StepComments() {}

  /** {@code step} in words; a use of blocks is named by {@code blockMethods}' method for them. */
  static String describe(Step step, Map<BlockSpec, String> blockMethods) {
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
                + blockMethods.get(use.block())
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
            int complex =
                conv.banks().stream()
                    .filter(FixedGaborBankSpec.class::isInstance)
                    .mapToInt(b -> ((FixedGaborBankSpec) b).complexPairs().size())
                    .sum();
            int overBasis = filters(conv, GaborBasisBankSpec.class);
            String stride = conv.stride() == 0 ? "the block's" : String.valueOf(conv.stride());
            return String.format(
                "%dx%d convolution, stride %s, %d filters (%d fixed Gabor%s, %s%d learnable%s)",
                conv.size(),
                conv.size(),
                stride,
                conv.filters(),
                gabor - complex,
                complex > 0 ? " and " + complex + " complex cells" : "",
                given > 0 ? given + " fixed given, " : "",
                conv.filters() - gabor - given,
                overBasis > 0 ? ", " + overBasis + " of them over a fixed Gabor basis" : "");
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
}
