package io.gaborflow.tensorflow.export;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaborflow.core.model.AddLayerSpec;
import io.gaborflow.core.model.BankSpec;
import io.gaborflow.core.model.BatchNormLayerSpec;
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
import io.gaborflow.core.model.Node;
import io.gaborflow.core.model.PoolLayerSpec;
import java.util.List;

/**
 * How a {@link NetworkSpec} is written into and read from {@code gaborflow.json}, so that an export
 * carries the one description of its network (for a tool that rebuilds it elsewhere, such as the
 * ONNX writer). Core's description types stay free of JSON annotations: the mapping is given here,
 * as Jackson mix-ins, with each layer and bank kind named by its record's simple name.
 */
final class NetworkSpecJson {
  private NetworkSpecJson() {}

  /** {@code mapper} with the mix-ins that read and write network descriptions. */
  static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .addMixIn(NetworkSpec.class, NetworkSpecMixIn.class)
        .addMixIn(LayerSpec.class, LayerSpecMixIn.class)
        .addMixIn(BankSpec.class, BankSpecMixIn.class);
  }

  /**
   * The description's own parts; shapes are inferred again when it is read. Records (layers, banks,
   * nodes) are written by their components.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  abstract static class NetworkSpecMixIn {
    @JsonCreator
    NetworkSpecMixIn(
        @JsonProperty("qualifiedName") String qualifiedName,
        @JsonProperty("modelName") String modelName,
        @JsonProperty("input") FeatureShape input,
        @JsonProperty("classes") int classes,
        @JsonProperty("nodes") List<Node> nodes) {}

    @JsonProperty("qualifiedName")
    abstract String qualifiedName();

    @JsonProperty("modelName")
    abstract String modelName();

    @JsonProperty("input")
    abstract FeatureShape input();

    @JsonProperty("classes")
    abstract int classes();

    @JsonProperty("nodes")
    abstract List<Node> nodes();
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(ConvLayerSpec.class),
    @JsonSubTypes.Type(PoolLayerSpec.class),
    @JsonSubTypes.Type(DenseLayerSpec.class),
    @JsonSubTypes.Type(DropoutLayerSpec.class),
    @JsonSubTypes.Type(FlattenLayerSpec.class),
    @JsonSubTypes.Type(GlobalAvgPoolLayerSpec.class),
    @JsonSubTypes.Type(BatchNormLayerSpec.class),
    @JsonSubTypes.Type(AddLayerSpec.class)
  })
  @JsonIgnoreProperties(ignoreUnknown = true)
  interface LayerSpecMixIn {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(FixedGaborBankSpec.class),
    @JsonSubTypes.Type(FixedTensorBankSpec.class),
    @JsonSubTypes.Type(LearnableBankSpec.class),
    @JsonSubTypes.Type(GaborBasisBankSpec.class)
  })
  @JsonIgnoreProperties(ignoreUnknown = true)
  interface BankSpecMixIn {}
}
