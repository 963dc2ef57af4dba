namespace Interop.ProcessingLog.Tests.Infrastructure;

/// <summary>
/// What someone with write access to the database and the (public) hashing rules could do to the processing log:
/// alter a record and recompute its hash and every later link and hash, so that the chain alone verifies again. Also
/// compiled into Interop.Hub.Tests.
/// </summary>
public static class ChainRewrite
{
    /// <summary>
    /// The SQL statements (both providers) that store <paramref name="altered"/> (its requesting organisation) in place of
    /// <paramref name="chain"/>[<paramref name="index"/>] and recompute the links and hashes from it to the end of
    /// <paramref name="chain"/>.
    /// </summary>
    public static IEnumerable<string> Statements(IReadOnlyList<ProcessingLogRecord> chain, int index, ProcessingLogRecord altered)
    {
        var previous = chain[index].PreviousHash.ToArray();
        for (var i = index; i < chain.Count; i++)
        {
            var record = i == index ? altered : chain[i];
            var hash = ProcessingRecordHash.Compute(record, previous);
            yield return $"UPDATE processing_record SET requesting_oin = '{record.RequestingOrganisationOin}', previous_hash = '{Convert.ToHexStringLower(previous)}', " +
                $"record_hash = '{Convert.ToHexStringLower(hash)}' WHERE sequence_no = {record.Sequence}";
            previous = hash;
        }
    }
}
