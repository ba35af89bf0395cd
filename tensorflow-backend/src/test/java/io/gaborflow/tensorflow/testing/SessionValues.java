package io.gaborflow.tensorflow.testing;

import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.MovingStatistic;
import io.gaborflow.tensorflow.train.ModelSession;
import java.util.LinkedHashMap;
import java.util.Map;

/** A session's values by variable path, to compare two runs. */
public final class SessionValues {
  private SessionValues() {}

  /** Every learnable value. */
  public static Map<String, float[]> learnables(ModelSession session) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (LearnableVariable v : session.network().learnables()) {
      values.put(v.name(), session.valueOf(v.variable()));
    }
    return values;
  }

  /** Every learnable value and every moving statistic. */
  public static Map<String, float[]> all(ModelSession session) {
    Map<String, float[]> values = learnables(session);
    for (MovingStatistic m : session.network().moving()) {
      values.put(m.key().path(), session.valueOf(m.variable()));
    }
    return values;
  }
}
