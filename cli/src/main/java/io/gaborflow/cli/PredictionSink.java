package io.gaborflow.cli;

import io.gaborflow.tensorflow.export.ExportedModel.Prediction;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Where {@code predict} puts each image's prediction. */
interface PredictionSink extends AutoCloseable {
  void accept(Path file, Prediction prediction) throws IOException;

  /** Makes everything accepted so far durable. */
  void flush() throws IOException;

  @Override
  void close() throws IOException;

  /** Prints "file: class p, class p, ..." with the {@code top} most likely classes. */
  record Console(int top) implements PredictionSink {
    @Override
    public void accept(Path file, Prediction prediction) {
      List<String> best = new ArrayList<>();
      for (String name : prediction.top(top)) {
        best.add(String.format(Locale.ROOT, "%s %.3f", name, prediction.probability(name)));
      }
      System.out.println(file + ": " + String.join(", ", best));
    }

    @Override
    public void flush() {
      System.out.flush();
    }

    @Override
    public void close() {}
  }

  /**
   * RFC 4180 CSV: a header {@code file,prediction,<class>...}, then per image its path, its most
   * likely class and every class's probability (six decimals, in the model's class order).
   */
  final class Csv implements PredictionSink {
    private final CSVPrinter printer;

    Csv(Path file, List<String> classNames) throws IOException {
      Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      List<String> header = new ArrayList<>(List.of("file", "prediction"));
      header.addAll(classNames);
      this.printer =
          CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(writer);
    }

    @Override
    public void accept(Path file, Prediction prediction) throws IOException {
      List<String> row = new ArrayList<>(List.of(file.toString(), prediction.best()));
      for (float p : prediction.probabilities()) {
        row.add(String.format(Locale.ROOT, "%.6f", p));
      }
      printer.printRecord(row);
    }

    @Override
    public void flush() throws IOException {
      printer.flush();
    }

    @Override
    public void close() throws IOException {
      printer.close();
    }
  }
}
