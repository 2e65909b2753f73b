package org.transferlake.model.learn.forest;

/** Stable index sort by a double key (NaN last), without boxing: the JDK sorts only primitives or objects. */
final class IndexSort {
  private IndexSort() {}

  static int[] byValue(double[] key) {
    int n = key.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    int[] buffer = new int[n];
    mergeSort(a, buffer, 0, n, key);
    return a;
  }

  private static void mergeSort(int[] a, int[] buffer, int from, int to, double[] key) {
    if (to - from < 24) {
      for (int i = from + 1; i < to; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= from && Double.compare(key[a[j]], key[v]) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, buffer, from, mid, key);
    mergeSort(a, buffer, mid, to, key);
    if (Double.compare(key[a[mid - 1]], key[a[mid]]) <= 0) {
      return;
    }
    System.arraycopy(a, from, buffer, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && Double.compare(key[buffer[i]], key[buffer[j]]) <= 0)) {
        a[k] = buffer[i++];
      } else {
        a[k] = buffer[j++];
      }
    }
  }
}
