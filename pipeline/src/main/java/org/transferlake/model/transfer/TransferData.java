package org.transferlake.model.transfer;

import java.util.List;

/** What an architecture trains on: the target context's training rows and the source contexts. */
public record TransferData(ContextSet target, List<ContextSet> sources) {
  public TransferData {
    sources = List.copyOf(sources);
  }
}
