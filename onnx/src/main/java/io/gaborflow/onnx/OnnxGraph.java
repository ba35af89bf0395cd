package io.gaborflow.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An ONNX graph being written: nodes and constant tensors (initializers), each named after the part
 * of the network it comes from ({@code layer3/block1/layer1/gabor1/Conv}), made unique where a name
 * repeats. Counts the bytes of the constants, and of those that hold fixed banks.
 */
final class OnnxGraph {
  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private final Set<String> names = new HashSet<>();
  private long constantBytes;
  private long fixedBankBytes;

  /** What a constant holds, for the file's accounting. */
  enum Holds {
    /** A fixed bank's kernels. */
    FIXED_BANK,
    /** Trained weights, statistics, and the constants of the preprocessing and the ops. */
    OTHER
  }

  /** {@code name}, or {@code name_2}, {@code name_3}, ... if it is taken. */
  private String unique(String name) {
    String candidate = name;
    for (int i = 2; !names.add(candidate); i++) {
      candidate = name + "_" + i;
    }
    return candidate;
  }

  /** A float32 constant of shape {@code dims}; its name. */
  String floats(String name, long[] dims, float[] values, Holds holds) {
    ByteBuffer bytes =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return constant(name, dims, TensorProto.DataType.FLOAT, bytes.array(), holds);
  }

  /** An int64 constant (shapes, indices); its name. */
  String longs(String name, long... values) {
    ByteBuffer bytes =
        ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asLongBuffer().put(values);
    return constant(
        name, new long[] {values.length}, TensorProto.DataType.INT64, bytes.array(), Holds.OTHER);
  }

  private String constant(
      String name, long[] dims, TensorProto.DataType type, byte[] raw, Holds holds) {
    String unique = unique(name);
    TensorProto.Builder tensor =
        TensorProto.newBuilder()
            .setName(unique)
            .setDataType(type.getNumber())
            .setRawData(ByteString.copyFrom(raw));
    for (long d : dims) {
      tensor.addDims(d);
    }
    graph.addInitializer(tensor);
    constantBytes += raw.length;
    if (holds == Holds.FIXED_BANK) {
      fixedBankBytes += raw.length;
    }
    return unique;
  }

  /** A node of {@code op} over {@code inputs} with {@code attributes}; its one output's name. */
  String node(String name, String op, List<String> inputs, AttributeProto... attributes) {
    String unique = unique(name + "/" + op);
    NodeProto.Builder node =
        NodeProto.newBuilder().setName(unique).setOpType(op).addAllInput(inputs).addOutput(unique);
    for (AttributeProto attribute : attributes) {
      node.addAttribute(attribute);
    }
    graph.addNode(node);
    return unique;
  }

  /** Renames the output of the last node to {@code output}, a name of the graph's interface. */
  void nameLastOutput(String output) {
    int last = graph.getNodeCount() - 1;
    graph.setNode(last, graph.getNode(last).toBuilder().setOutput(0, output));
    names.add(output);
  }

  static AttributeProto ints(String name, long... values) {
    AttributeProto.Builder a =
        AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  static AttributeProto real(String name, float value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.FLOAT)
        .setF(value)
        .build();
  }

  GraphProto.Builder builder() {
    return graph;
  }

  long constantBytes() {
    return constantBytes;
  }

  long fixedBankBytes() {
    return fixedBankBytes;
  }
}
