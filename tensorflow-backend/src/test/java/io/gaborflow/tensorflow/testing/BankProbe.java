package io.gaborflow.tensorflow.testing;

import io.gaborflow.tensorflow.graph.BankResponse;
import io.gaborflow.tensorflow.graph.FloatTensors;
import io.gaborflow.tensorflow.train.ModelSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * The filters a session's banks actually apply: each bank's output for one fixed random probe fed
 * straight into its inputs, so the result depends on the bank alone, not on the layers below it.
 */
public final class BankProbe {
  private BankProbe() {}

  /** Each bank's response to the probe, by path. */
  public static Map<String, float[]> responses(ModelSession session) {
    Map<String, float[]> responses = new LinkedHashMap<>();
    for (BankResponse bank : session.network().responses()) {
      SplittableRandom random = new SplittableRandom(7);
      List<TFloat32> probes = new ArrayList<>();
      Session.Runner runner = session.session().runner();
      try {
        for (Operand<TFloat32> input : bank.inputs()) {
          Shape shape = input.shape();
          Shape one = Shape.of(1, shape.get(1), shape.get(2), shape.get(3));
          float[] values = new float[Math.toIntExact(one.size())];
          for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
          }
          TFloat32 probe = TFloat32.tensorOf(one, DataBuffers.of(values, true, false));
          probes.add(probe);
          runner.feed(input, probe);
        }
        try (Result result = runner.fetch(bank.output()).run()) {
          responses.put(bank.path(), FloatTensors.values((TFloat32) result.get(0)));
        }
      } finally {
        probes.forEach(TFloat32::close);
      }
    }
    return responses;
  }
}
