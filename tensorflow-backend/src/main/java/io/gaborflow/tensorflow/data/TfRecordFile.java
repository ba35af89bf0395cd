package io.gaborflow.tensorflow.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads the records of one TFRecord file, one at a time or one at a known offset: each is a
 * little-endian 64-bit length, a masked CRC-32C of the length, the data, and a masked CRC-32C of
 * the data, both checked. A short or corrupt record is an error naming the file and the record's
 * byte offset. Writes records the same way (TensorBoard's event files are TFRecord files).
 */
public final class TfRecordFile {
  /** TensorFlow's mask of stored checksums: rotated right by 15 bits, plus a constant. */
  private static final int MASK_DELTA = 0xa282ead8;

  /** Larger records are taken for corruption rather than allocated. */
  private static final long MAX_RECORD = 1L << 30;

  private TfRecordFile() {}

  /** What receives each record. */
  public interface RecordConsumer {
    /** Record {@code index} (from 0), which starts at byte {@code offset} of the file. */
    void accept(byte[] data, int index, long offset);
  }

  /** Hands each record's data to {@code consumer}, in file order. */
  public static void read(Path file, RecordConsumer consumer) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      long offset = 0;
      for (int index = 0; ; index++) {
        byte[] data = next(in, file, offset, index);
        if (data == null) {
          return;
        }
        consumer.accept(data, index, offset);
        offset += 16 + data.length;
      }
    } catch (IOException e) {
      throw new DataFormatException(file.toString(), "cannot be read: " + e.getMessage(), e);
    }
  }

  /** The data of record {@code index}, which starts at byte {@code offset} of {@code file}. */
  static byte[] readAt(Path file, long offset, int index) {
    try (FileChannel channel = FileChannel.open(file)) {
      byte[] data =
          next(
              new BufferedInputStream(Channels.newInputStream(channel.position(offset))),
              file,
              offset,
              index);
      if (data == null) {
        throw new DataFormatException(
            file, offset, "record " + index + " is missing; the file was truncated");
      }
      return data;
    } catch (IOException e) {
      throw new DataFormatException(file.toString(), "cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The data of the record starting at {@code offset}, checked, or {@code null} at the end of the
   * file.
   */
  private static byte[] next(InputStream in, Path file, long offset, int index) throws IOException {
    byte[] header = new byte[12];
    int first = in.read();
    if (first < 0) {
      return null;
    }
    header[0] = (byte) first;
    readFully(in, header, 1, 11, file, offset, "the end of its length and its checksum");
    ByteBuffer head = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    long length = head.getLong(0);
    if (head.getInt(8) != masked(header, 0, 8)) {
      throw new DataFormatException(
          file,
          offset,
          "record "
              + index
              + ": the length's checksum does not match;"
              + " the file is corrupt or not a TFRecord file");
    }
    if (length < 0 || length > MAX_RECORD) {
      throw new DataFormatException(
          file,
          offset,
          "record "
              + index
              + " claims "
              + length
              + " bytes, more than a record may hold; the file is corrupt or not a TFRecord file");
    }
    byte[] data = new byte[(int) length];
    readFully(
        in, data, 0, data.length, file, offset, "the end of its " + length + " bytes of data");
    byte[] footer = new byte[4];
    readFully(in, footer, 0, 4, file, offset, "the end of its data's checksum");
    if (ByteBuffer.wrap(footer).order(ByteOrder.LITTLE_ENDIAN).getInt()
        != masked(data, 0, data.length)) {
      throw new DataFormatException(
          file,
          offset,
          "record " + index + ": the data's checksum does not match;" + " the file is corrupt");
    }
    return data;
  }

  private static void readFully(
      InputStream in, byte[] into, int from, int count, Path file, long offset, String what)
      throws IOException {
    int done = 0;
    while (done < count) {
      int n = in.read(into, from + done, count - done);
      if (n < 0) {
        throw new DataFormatException(
            file,
            offset,
            "the record starting here ends before " + what + "; the file is truncated");
      }
      done += n;
    }
  }

  /** Writes {@code data} to {@code out} as one record, with its length and both checksums. */
  public static void write(OutputStream out, byte[] data) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    header.putLong(0, data.length);
    header.putInt(8, masked(header.array(), 0, 8));
    ByteBuffer footer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    footer.putInt(0, masked(data, 0, data.length));
    out.write(header.array());
    out.write(data);
    out.write(footer.array());
  }

  /** TensorFlow's masked CRC-32C of {@code count} bytes of {@code bytes} from {@code from}. */
  static int masked(byte[] bytes, int from, int count) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, from, count);
    int value = (int) crc.getValue();
    return ((value >>> 15) | (value << 17)) + MASK_DELTA;
  }
}
