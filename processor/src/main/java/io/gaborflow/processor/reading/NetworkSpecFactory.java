package io.gaborflow.processor.reading;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.annotation.Projection;
import io.gaborflow.core.model.BankSpec;
import io.gaborflow.core.model.BatchNormLayerSpec;
import io.gaborflow.core.model.BlockSpec;
import io.gaborflow.core.model.Steps;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a declaration whose annotation values and layer indices are valid into the {@link
 * NetworkSpec} that shape checks and code generation read, through core's builder: the same
 * calls the generated code makes.
 */
public final class NetworkSpecFactory {
  private NetworkSpecFactory() {}

  /**
   * The network {@code declaration} declares, with its steps.
   *
   * @throws io.gaborflow.core.model.NetworkSpecException when a shortcut or a block's width cannot be placed
   */
  public static DeclaredNetwork create(NetworkDeclaration declaration, NpyResources resources) {
    AnnotationReader network = declaration.network();
    NetworkSpec.Builder builder = NetworkSpec.builder(
        declaration.type().getQualifiedName().toString(),
        modelName(declaration),
        FeatureShape.spatial(network.intValue("height"), network.intValue("width"), network.intValue("channels")),
        network.intValue("classes"));
    for (List<LayerField> fields : byIndex(declaration)) {
      LayerField first = fields.get(0);
      if (first.kind() == LayerKind.BLOCKS) {
        AnnotationReader a = first.layer();
        builder.blocks(first.name(), block(first.block(), resources), a.intValue("count"), a.intValue("width"),
            a.intValue("stride"));
      } else {
        step(builder, fields, resources);
      }
    }
    return new DeclaredNetwork(builder.build(), builder.declaredSteps());
  }

  /** The block {@code declaration} declares. */
  public static BlockSpec block(NetworkDeclaration declaration, NpyResources resources) {
    BlockSpec.Builder builder = BlockSpec.builder(declaration.type().getQualifiedName().toString(),
        declaration.network().intValue("width"));
    for (List<LayerField> fields : byIndex(declaration)) {
      step(builder, fields, resources);
    }
    return builder.build();
  }

  /** The fields of each layer index, in index order. */
  public static List<List<LayerField>> byIndex(NetworkDeclaration declaration) {
    Map<Integer, List<LayerField>> byIndex = new TreeMap<>();
    for (LayerField field : declaration.fields()) {
      byIndex.computeIfAbsent(field.index(), i -> new ArrayList<>()).add(field);
    }
    return List.copyOf(byIndex.values());
  }

  private static void step(Steps.Builder<?> builder, List<LayerField> fields, NpyResources resources) {
    LayerField first = fields.get(0);
    if (first.kind() == LayerKind.ADD) {
      AnnotationReader a = first.layer();
      builder.add(first.name(), a.stringValue("from"), Activation.valueOf(a.enumName("activation")),
          Projection.valueOf(a.enumName("projection")));
    } else {
      builder.layer(first.name(), layer(fields, resources));
    }
  }

  /** The declared name, or the class name in kebab case ({@code GaborLeNet} -> {@code gabor-le-net}). */
  public static String modelName(NetworkDeclaration declaration) {
    String declared = declaration.network().stringValue("name");
    if (!declared.isEmpty()) {
      return declared;
    }
    String simple = declaration.type().getSimpleName().toString();
    return simple.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static LayerSpec layer(List<LayerField> fields, NpyResources resources) {
    LayerField first = fields.get(0);
    AnnotationReader a = first.layer();
    return switch (first.kind()) {
      case CONV -> {
        List<BankSpec> banks = new ArrayList<>();
        for (LayerField f : fields) {
          banks.add(bank(f, resources));
        }
        yield new ConvLayerSpec(a.intValue("size"), a.intValue("stride"),
            Padding.valueOf(a.enumName("padding")), Activation.valueOf(a.enumName("activation")), banks);
      }
      case MAX_POOL, AVG_POOL -> {
        int size = a.intValue("size");
        int stride = a.intValue("stride") == 0 ? size : a.intValue("stride");
        yield new PoolLayerSpec(first.name(),
            first.kind() == LayerKind.MAX_POOL ? PoolLayerSpec.Kind.MAX : PoolLayerSpec.Kind.AVERAGE,
            size, stride, Padding.valueOf(a.enumName("padding")));
      }
      case DENSE -> new DenseLayerSpec(first.name(), a.intValue("units"),
          Activation.valueOf(a.enumName("activation")), Initializer.valueOf(a.enumName("initializer")));
      case DROPOUT -> new DropoutLayerSpec(first.name(), a.doubleValue("rate"));
      case FLATTEN -> new FlattenLayerSpec(first.name());
      case GLOBAL_AVG_POOL -> new GlobalAvgPoolLayerSpec(first.name());
      case BATCH_NORM -> new BatchNormLayerSpec(first.name(), a.doubleValue("momentum"), a.doubleValue("epsilon"),
          Activation.valueOf(a.enumName("activation")));
      case ADD, BLOCKS -> throw new IllegalArgumentException(first.kind() + " is a step, not a layer");
    };
  }

  private static BankSpec bank(LayerField field, NpyResources resources) {
    if (field.learnable() != null) {
      return new LearnableBankSpec(field.name(), field.learnable().intValue("filters"),
          Initializer.valueOf(field.learnable().enumName("initializer")));
    }
    AnnotationReader fixed = field.fixed();
    if (fixed.isExplicit("source")) {
      return tensorBank(field.name(), fixed.nested("source"), resources);
    }
    return new FixedGaborBankSpec(field.name(), gabor(fixed.nested("gabor")),
        fixed.intValue("trainableEpochs"), TrainableAt.valueOf(fixed.enumName("trainableAt")));
  }

  private static FixedTensorBankSpec tensorBank(String name, AnnotationReader source, NpyResources resources) {
    String npy = source.stringValue("npy");
    if (!npy.isEmpty()) {
      int[] shape = resources.shapeOf(npy).orElseThrow();
      return FixedTensorBankSpec.npy(name, npy, java.util.Arrays.stream(shape).boxed().toList());
    }
    String model = source.stringValue("model");
    if (!model.isEmpty()) {
      return FixedTensorBankSpec.model(name, model, source.stringValue("bank"), source.intValue("filters"));
    }
    javax.lang.model.type.DeclaredType supplier = (javax.lang.model.type.DeclaredType) source.value("supplier").getValue();
    String className = ((javax.lang.model.element.TypeElement) supplier.asElement()).getQualifiedName().toString();
    return new FixedTensorBankSpec(name, FixedTensorBankSpec.SourceKind.SUPPLIER, className, "",
        source.intValue("filters"), List.of());
  }

  static GaborBankSpec gabor(AnnotationReader g) {
    List<Double> angles = g.isExplicit("angles")
        ? g.doubles("angles")
        : GaborBankSpec.evenlySpacedAngles(g.intValue("orientations"));
    return new GaborBankSpec(
        angles,
        g.doubles("wavelengths"),
        g.doubles("phases"),
        g.doubleValue("aspect"),
        g.isExplicit("sigma") ? g.doubleValue("sigma") : Double.NaN,
        g.doubleValue("bandwidth"),
        Normalization.valueOf(g.enumName("normalization")),
        ChannelCoverage.valueOf(g.enumName("coverage")));
  }
}
