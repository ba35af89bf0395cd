package io.gaborflow.tensorflow.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cluster as TensorFlow users write it: TF_CONFIG, or --cluster and --task. */
class ClusterTest {
  @Test
  void readsTfConfigAsKerasWritesIt() {
    Cluster cluster =
        Cluster.fromTfConfig(
            """
        {"cluster": {"worker": ["host-a:2222", "host-b:2222", "10.0.0.3:2223"]},
         "task": {"type": "worker", "index": 2}}""");
    assertEquals(List.of("host-a:2222", "host-b:2222", "10.0.0.3:2223"), cluster.workers());
    assertEquals(2, cluster.task());
    assertEquals(3, cluster.size());
    assertEquals(2223, cluster.port());
    assertFalse(cluster.chief());
  }

  @Test
  void readsTheFlags() {
    Cluster cluster = Cluster.of("127.0.0.1:5000, 127.0.0.1:5001", 0);
    assertEquals(List.of("127.0.0.1:5000", "127.0.0.1:5001"), cluster.workers());
    assertTrue(cluster.chief());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json | TF_CONFIG is not JSON",
        "{\"task\": {\"index\": 0}} | TF_CONFIG needs cluster.worker, a list of \"host:port\"",
        "{\"cluster\": {\"worker\": [5]}, \"task\": {\"index\": 0}} | TF_CONFIG cluster.worker holds 5, not a",
        "{\"cluster\": {\"worker\": [\"a:1\"]}} | TF_CONFIG needs task.index",
        "{\"cluster\": {\"worker\": [\"a:1\"]}, \"task\": {\"type\": \"ps\", \"index\": 0}} | TF_CONFIG task.type is \"ps\"",
        "{\"cluster\": {\"worker\": [\"a:1\", \"b:1\"]}, \"task\": {\"index\": 2}} | task index 2 is outside the cluster's 2"
            + " workers (0..1)",
        "{\"cluster\": {\"worker\": [\"a\"]}, \"task\": {\"index\": 0}} | worker 'a' is not host:port",
        "{\"cluster\": {\"worker\": [\"a:99999\"]}, \"task\": {\"index\": 0}} | worker 'a:99999' has no port between 1",
        "{\"cluster\": {\"worker\": [\"a:1\", \"a:1\"]}, \"task\": {\"index\": 0}} | the cluster lists a worker twice"
      })
  void badTfConfigNamesTheField(String json, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cluster.fromTfConfig(json));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }
}
