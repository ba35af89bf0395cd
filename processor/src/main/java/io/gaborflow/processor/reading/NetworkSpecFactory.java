package io.gaborflow.processor.reading;

import io.gaborflow.core.annotation.Add;
import io.gaborflow.core.annotation.BatchNorm;
import io.gaborflow.core.annotation.Blocks;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Dense;
import io.gaborflow.core.annotation.FilterSource;
import io.gaborflow.core.annotation.Fixed;
import io.gaborflow.core.annotation.Gabor;
import io.gaborflow.core.annotation.GaborParameter;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.core.annotation.Noise;
import io.gaborflow.core.annotation.NoiseKind;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.BankNoise;
import io.gaborflow.core.model.BankSpec;
import io.gaborflow.core.model.BatchNormLayerSpec;
import io.gaborflow.core.model.BlockSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.DropoutLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.FixedTensorBankSpec;
import io.gaborflow.core.model.FlattenLayerSpec;
import io.gaborflow.core.model.GaborBasisBankSpec;
import io.gaborflow.core.model.GlobalAvgPoolLayerSpec;
import io.gaborflow.core.model.LayerSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.core.model.Steps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

/**
 * Turns a declaration whose annotation values and layer indices are valid into the {@link
 * NetworkSpec} that shape checks and code generation read, through core's builder: the same calls
 * the generated code makes.
 */
public final class NetworkSpecFactory {
  private NetworkSpecFactory() {}

  /**
   * The network {@code declaration} declares, with its steps.
   *
   * @throws io.gaborflow.core.model.NetworkSpecException when a shortcut or a block's width cannot
   *     be placed
   */
  public static DeclaredNetwork create(NetworkDeclaration declaration, NpyResources resources) {
    Network network = declaration.networkValues();
    NetworkSpec.Builder builder =
        NetworkSpec.builder(
            declaration.type().getQualifiedName().toString(),
            modelName(declaration),
            FeatureShape.spatial(network.height(), network.width(), network.channels()),
            network.classes());
    for (List<LayerField> fields : byIndex(declaration)) {
      LayerField first = fields.get(0);
      if (first.kind() == LayerKind.BLOCKS) {
        Blocks use = first.blocks();
        builder.blocks(
            first.name(), block(first.block(), resources), use.count(), use.width(), use.stride());
      } else {
        step(builder, fields, resources);
      }
    }
    return new DeclaredNetwork(builder.build(), builder.declaredSteps());
  }

  /** The block {@code declaration} declares. */
  public static BlockSpec block(NetworkDeclaration declaration, NpyResources resources) {
    BlockSpec.Builder builder =
        BlockSpec.builder(
            declaration.type().getQualifiedName().toString(), declaration.blockValues().width());
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

  private static void step(
      Steps.Builder<?> builder, List<LayerField> fields, NpyResources resources) {
    LayerField first = fields.get(0);
    if (first.kind() == LayerKind.ADD) {
      Add add = first.add();
      builder.add(first.name(), add.from(), add.activation(), add.projection());
    } else {
      builder.layer(first.name(), layer(fields, resources));
    }
  }

  /**
   * The declared name, or the class name in kebab case ({@code GaborLeNet} -> {@code
   * gabor-le-net}).
   */
  public static String modelName(NetworkDeclaration declaration) {
    String declared = declaration.networkValues().name();
    if (!declared.isEmpty()) {
      return declared;
    }
    String simple = declaration.type().getSimpleName().toString();
    return simple.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static LayerSpec layer(List<LayerField> fields, NpyResources resources) {
    LayerField first = fields.get(0);
    return switch (first.kind()) {
      case CONV -> {
        List<BankSpec> banks = new ArrayList<>();
        for (LayerField f : fields) {
          banks.add(bank(f, resources));
        }
        Conv conv = first.conv();
        yield new ConvLayerSpec(
            conv.size(), conv.stride(), conv.padding(), conv.activation(), banks);
      }
      case MAX_POOL, AVG_POOL -> {
        LayerField.Pool pool = first.pool();
        yield new PoolLayerSpec(
            first.name(),
            first.kind() == LayerKind.MAX_POOL
                ? PoolLayerSpec.Kind.MAX
                : PoolLayerSpec.Kind.AVERAGE,
            pool.size(),
            pool.stride() == 0 ? pool.size() : pool.stride(),
            pool.padding());
      }
      case DENSE -> {
        Dense dense = first.dense();
        yield new DenseLayerSpec(
            first.name(), dense.units(), dense.activation(), dense.initializer());
      }
      case DROPOUT -> new DropoutLayerSpec(first.name(), first.dropout().rate());
      case FLATTEN -> new FlattenLayerSpec(first.name());
      case GLOBAL_AVG_POOL -> new GlobalAvgPoolLayerSpec(first.name());
      case BATCH_NORM -> {
        BatchNorm norm = first.batchNorm();
        yield new BatchNormLayerSpec(
            first.name(), norm.momentum(), norm.epsilon(), norm.activation());
      }
      case ADD, BLOCKS ->
          throw new IllegalArgumentException(first.kind() + " is a step, not a layer");
    };
  }

  private static BankSpec bank(LayerField field, NpyResources resources) {
    if (field.learnableValues() != null) {
      Learnable learnable = field.learnableValues();
      if (learnable.basis().length > 0) {
        return new GaborBasisBankSpec(
            field.name(),
            learnable.filters(),
            learnable.initializer(),
            gabor(learnable.basis()[0], field.learnable().nestedInArray("basis", 0)));
      }
      return new LearnableBankSpec(field.name(), learnable.filters(), learnable.initializer());
    }
    Fixed fixed = field.fixedValues();
    if (field.fixed().isExplicit("source")) {
      return tensorBank(field.name(), fixed.source(), field.fixed().nested("source"), resources);
    }
    Set<GaborParameter> learned = EnumSet.noneOf(GaborParameter.class);
    learned.addAll(Arrays.asList(fixed.learn()));
    return new FixedGaborBankSpec(
        field.name(),
        gabor(fixed.gabor(), field.fixed().nested("gabor")),
        fixed.trainableEpochs(),
        fixed.trainableAt(),
        learned,
        fixed.complexCells(),
        noise(field));
  }

  /**
   * The bank's noise. Read only where written: javac cannot make the default {@code @Noise} of a
   * compiled {@code @Fixed} into an annotation object (AnnotationTypeMismatchException).
   */
  private static BankNoise noise(LayerField field) {
    if (!field.fixed().isExplicit("noise")) {
      return BankNoise.NONE;
    }
    Noise noise = field.fixedValues().noise();
    return noise.kind() == NoiseKind.NONE
        ? BankNoise.NONE
        : new BankNoise(noise.kind(), noise.scale());
  }

  /**
   * {@code where} is read only for the supplier, a class, which a typed annotation cannot hand out.
   */
  private static FixedTensorBankSpec tensorBank(
      String name, FilterSource source, AnnotationReader where, NpyResources resources) {
    if (!source.npy().isEmpty()) {
      int[] shape = resources.shapeOf(source.npy()).orElseThrow();
      return FixedTensorBankSpec.npy(name, source.npy(), Arrays.stream(shape).boxed().toList());
    }
    if (!source.model().isEmpty()) {
      return FixedTensorBankSpec.model(name, source.model(), source.bank(), source.filters());
    }
    DeclaredType supplier = (DeclaredType) where.value("supplier").getValue();
    String className = ((TypeElement) supplier.asElement()).getQualifiedName().toString();
    return new FixedTensorBankSpec(
        name, FixedTensorBankSpec.SourceKind.SUPPLIER, className, "", source.filters(), List.of());
  }

  /** {@code where} says which of the optional values (angles, sigma) the source gives. */
  public static GaborBankSpec gabor(Gabor g, AnnotationReader where) {
    List<Double> angles =
        where.isExplicit("angles")
            ? Arrays.stream(g.angles()).boxed().toList()
            : GaborBankSpec.evenlySpacedAngles(g.orientations());
    return new GaborBankSpec(
        angles,
        Arrays.stream(g.wavelengths()).boxed().toList(),
        Arrays.stream(g.phases()).boxed().toList(),
        g.aspect(),
        g.sigma(),
        g.bandwidth(),
        g.normalization(),
        g.coverage());
  }
}
