package io.gaborflow.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A network as a table, like Keras' {@code model.summary()}: each layer with its output shape, its
 * learnable and fixed parameters and its forward multiply-accumulates per image, then the totals.
 * The figures come from {@link ParameterCount} and {@link TrainingCost}, node by node.
 *
 * @param rows one per node, in order
 * @param parameters what the whole network holds
 * @param cost what one training image costs
 */
public record NetworkSummary(
    String model, List<Row> rows, ParameterCount parameters, TrainingCost cost) {
  /**
   * One layer.
   *
   * @param scope where it sits ({@code layer3}, {@code layer2/block1/layer1})
   * @param kind what it is ({@code conv 5x5, 10 fixed + 10 learnable})
   * @param learnable weights, biases, scales and offsets it trains
   * @param fixed weights of its fixed banks
   * @param forwardMacs its multiply-accumulates per image, forward
   */
  public record Row(
      String scope,
      String kind,
      FeatureShape output,
      long learnable,
      long fixed,
      long forwardMacs) {}

  /** Copies the rows. */
  public NetworkSummary {
    rows = List.copyOf(rows);
  }

  /** The summary of {@code spec}. */
  public static NetworkSummary of(NetworkSpec spec) {
    List<ParameterCount> counts = ParameterCount.perNode(spec);
    List<TrainingCost> costs = TrainingCost.perNode(spec);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < spec.nodes().size(); i++) {
      Node node = spec.nodes().get(i);
      rows.add(
          new Row(
              node.scope(),
              kind(node.layer()),
              spec.shapeOf(i),
              counts.get(i).learnable(),
              counts.get(i).fixed(),
              costs.get(i).forward()));
    }
    return new NetworkSummary(
        spec.modelName(), rows, ParameterCount.of(spec), TrainingCost.of(spec));
  }

  private static String kind(LayerSpec layer) {
    return layer.accept(
        new LayerVisitor<String>() {
          @Override
          public String conv(ConvLayerSpec conv) {
            int learned =
                conv.banks().stream()
                    .filter(b -> b instanceof LearnableBankSpec)
                    .mapToInt(BankSpec::filters)
                    .sum();
            int fixed = conv.filters() - learned;
            String size =
                conv.size() + "x" + conv.size() + (conv.stride() > 1 ? "/" + conv.stride() : "");
            return fixed == 0
                ? "conv " + size
                : "conv " + size + ", " + fixed + " fixed + " + learned + " learned";
          }

          @Override
          public String pool(PoolLayerSpec pool) {
            return (pool.kind() == PoolLayerSpec.Kind.MAX ? "max pool " : "average pool ")
                + pool.size()
                + "x"
                + pool.size();
          }

          @Override
          public String dense(DenseLayerSpec dense) {
            return "dense";
          }

          @Override
          public String dropout(DropoutLayerSpec dropout) {
            return "dropout " + dropout.rate();
          }

          @Override
          public String flatten(FlattenLayerSpec flatten) {
            return "flatten";
          }

          @Override
          public String globalAvgPool(GlobalAvgPoolLayerSpec pool) {
            return "global average pool";
          }

          @Override
          public String batchNorm(BatchNormLayerSpec norm) {
            return "batch norm";
          }

          @Override
          public String add(AddLayerSpec add) {
            return "add";
          }
        });
  }

  /** The table as text, one line per layer, totals last. */
  public String format() {
    StringBuilder out = new StringBuilder();
    String line = "%-28s %-34s %-16s %12s %10s %14s%n";
    out.append(String.format(Locale.ROOT, "%s%n", model));
    out.append(
        String.format(
            Locale.ROOT, line, "layer", "kind", "output", "learnable", "fixed", "forward MACs"));
    for (Row row : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              line,
              row.scope(),
              row.kind(),
              row.output(),
              String.format(Locale.ROOT, "%,d", row.learnable()),
              String.format(Locale.ROOT, "%,d", row.fixed()),
              String.format(Locale.ROOT, "%,d", row.forwardMacs())));
    }
    out.append(String.format(Locale.ROOT, "learnable parameters: %,d%n", parameters.learnable()));
    out.append(
        String.format(
            Locale.ROOT,
            "fixed parameters: %,d (stored as %,d Gabor generator values)%n",
            parameters.fixed(),
            ParameterCount.GABOR_PARAMETERS * parameters.gaborFilters()));
    if (parameters.moving() > 0) {
      out.append(String.format(Locale.ROOT, "moving statistics: %,d%n", parameters.moving()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "multiply-accumulates per training image: %,d forward, %,d input gradient, %,d filter gradient%n",
            cost.forward(),
            cost.inputGradient(),
            cost.filterGradient()));
    return out.toString();
  }
}
