package org.transferlake.featurize;

import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.JoinedRow;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.util.LongAccumulator;
import org.transferlake.composition.Composition;
import org.transferlake.composition.Elements;
import org.transferlake.composition.FormulaException;
import org.transferlake.composition.FormulaParser;

/**
 * Featurizes one partition of Spark's internal rows: reads the composition column, runs the kernel and
 * appends the features to each row. Shipped to every task inside the closure, so each partition gets its
 * own copy; the buffers it writes through are made once per partition, not per row.
 */
final class PartitionFeaturizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final VectorUDT VECTOR = new VectorUDT();

  /** What the input column holds. */
  enum InputKind { KEY, FORMULA }

  /** What happens to a row whose composition cannot be read. */
  enum Invalid { ERROR, SKIP, KEEP_NULL }

  private final CompositionFeaturizer kernel;
  private final String inputCol;
  private final int inputOrdinal;
  private final InputKind inputKind;
  private final Invalid invalid;
  private final boolean vectorLayout;
  private final boolean countMissing;
  /** Rows featurized so far, for progress reports; null when nobody is watching. */
  private final LongAccumulator rowsDone;

  PartitionFeaturizer(CompositionFeaturizer kernel, String inputCol, int inputOrdinal, InputKind inputKind,
      Invalid invalid, boolean vectorLayout, boolean countMissing, LongAccumulator rowsDone) {
    this.kernel = kernel;
    this.inputCol = inputCol;
    this.inputOrdinal = inputOrdinal;
    this.inputKind = inputKind;
    this.invalid = invalid;
    this.vectorLayout = vectorLayout;
    this.countMissing = countMissing;
    this.rowsDone = rowsDone;
  }

  /** The input rows, each joined with its features; rows skipped as invalid are left out. */
  Iterator<InternalRow> apply(Iterator<InternalRow> input) {
    return new Rows(input);
  }

  /**
   * The per-partition state. The row it returns is reused for the next one, as Spark's own operators do:
   * the scan that consumes it copies what it keeps.
   */
  private final class Rows implements Iterator<InternalRow> {
    private final Iterator<InternalRow> input;
    private final int[] atomicNumbers = new int[Elements.count()];
    private final double[] fractions = new double[Elements.count()];
    private final double[] features = new double[kernel.featureCount()];
    /** The columns appended to each row: the vector or one per feature, then the missing count. */
    private final int width = (vectorLayout ? 1 : kernel.featureCount()) + (countMissing ? 1 : 0);
    private final UnsafeRowWriter columns = vectorLayout ? null : new UnsafeRowWriter(width);
    private final JoinedRow joined = new JoinedRow();
    private InternalRow next;

    Rows(Iterator<InternalRow> input) {
      this.input = input;
    }

    @Override
    public boolean hasNext() {
      while (next == null && input.hasNext()) {
        next = featurize(input.next());
      }
      return next != null;
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      InternalRow row = next;
      next = null;
      return row;
    }

    /** The row joined with its features, or null when it is skipped. */
    private InternalRow featurize(InternalRow row) {
      String text = row.isNullAt(inputOrdinal) ? null : row.getUTF8String(inputOrdinal).toString();
      Composition composition;
      try {
        composition = parse(text);
      } catch (FormulaException e) {
        if (invalid == Invalid.ERROR) {
          throw new IllegalArgumentException(inputCol + " = " + (text == null ? "null" : "'" + text + "'") + ": "
              + e.getMessage() + " (set handleInvalid to skip or keep-null to go on without such rows)", e);
        }
        count();
        return invalid == Invalid.SKIP ? null : joined.apply(row, nullFeatures());
      }
      int n = composition.size();
      for (int i = 0; i < n; i++) {
        atomicNumbers[i] = composition.atomicNumber(i);
        fractions[i] = composition.fraction(i);
      }
      kernel.featurize(atomicNumbers, fractions, n, features, 0);
      int missing = countMissing ? kernel.missingValues(atomicNumbers, n) : 0;
      count();
      return joined.apply(row, vectorLayout ? vectorRow(missing) : columnsRow(missing));
    }

    private Composition parse(String text) {
      if (text == null) {
        throw new FormulaException("no value (null)", -1);
      }
      return inputKind == InputKind.FORMULA ? FormulaParser.parse(text) : Composition.ofKey(text);
    }

    private InternalRow columnsRow(int missing) {
      columns.reset();
      columns.zeroOutNullBytes();
      for (int i = 0; i < features.length; i++) {
        columns.write(i, features[i]);
      }
      if (countMissing) {
        columns.write(features.length, missing);
      }
      return columns.getRow();
    }

    /** The vector is the output itself, so it gets its own array. */
    private InternalRow vectorRow(int missing) {
      Object vector = VECTOR.serialize(Vectors.dense(features.clone()));
      return countMissing ? new GenericInternalRow(new Object[] {vector, missing})
          : new GenericInternalRow(new Object[] {vector});
    }

    private InternalRow nullFeatures() {
      if (vectorLayout) {
        return new GenericInternalRow(width);
      }
      columns.reset();
      columns.zeroOutNullBytes();
      for (int i = 0; i < width; i++) {
        columns.setNullAt(i);
      }
      return columns.getRow();
    }

    private void count() {
      if (rowsDone != null) {
        rowsDone.add(1);
      }
    }
  }
}
