using System.Data.Common;
using Dapper;
using Interop.Hub.JongereStatus;
using Interop.Hub.LegalBasis;
using Interop.Hub.Tests.Foundation;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Status;

/// <summary>
/// The status snapshot reads its rows by ordinal (<c>Read</c> of each row type), not through Dapper: each must read
/// exactly what Dapper maps by column name, NULLs included, on both providers. Every column holds a value no other
/// column of its row has, so a swapped ordinal is seen.
/// </summary>
public abstract class StatusSnapshotRowsTests(StorageProvider provider)
{
    [Fact]
    public async Task Each_row_type_reads_by_ordinal_what_Dapper_maps_by_name()
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var connection = await test.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO involvement (subject_pseudonym, organisation_oin, leefgebied_mask, since_time, expire_time, end_time, legal_basis_kind, legal_basis_value, purpose_code) VALUES "
            + "('p-1', '00000001001234567000', 5, 100, NULL, NULL, 1, 'consent-1', 'zorg-en-ondersteuning'), "
            + "('p-1', '00000001001234568000', 6, 101, 202, 151, 2, 'rmc-vsv', 'vsv-begeleiding')");
        await connection.ExecuteAsync(
            "INSERT INTO referral (referral_id, sender_oin, receiver_oin, subject_pseudonym, status, version, leefgebied_mask, urgency, submit_time, update_time, purpose_code, legal_basis_kind, legal_basis_value, content) "
            + "VALUES ('r-1', '00000001001234567000', '00000001001234568000', 'p-1', 2, 3, 4, 1, 1001, 1002, 'zorg', 1, 'consent-1', 'sealed')");
        await connection.ExecuteAsync(
            "INSERT INTO handover (handover_id, plan_id, plan_version, subject_pseudonym, from_oin, to_oin, reason, status, version, offer_time, decide_time, content) "
            + "VALUES ('h-1', 'plan-1', 7, 'p-1', '00000001001234567000', '00000001001234568000', 3, 1, 1, 2002, NULL, 'sealed')");
        await connection.ExecuteAsync(
            "INSERT INTO plan (plan_id, subject_pseudonym, holder_oin, regisseur_oin, version, create_time, update_time) "
            + "VALUES ('plan-1', 'p-1', '00000001001234567000', '00000001001234568000', 7, 3003, 3004)");
        await connection.ExecuteAsync(
            "INSERT INTO consent (consent_id, subject_pseudonym, grantee_oin, grantee_kind, grantee_region, purpose_code, leefgebied_mask, category_mask, valid_from, valid_until, recorded_by_oin, record_time, revoke_time, revoked_by_oin, details) VALUES "
            + "('c-1', 'p-1', '00000001001234568000', NULL, NULL, 'zorg', 9, 10, 4001, NULL, '00000001001234567000', 4000, NULL, NULL, '{}'), "
            + "('c-2', 'p-1', NULL, 3, 'RMC38', 'werk', 11, 12, 4002, 4003, '00000001001234567000', 4000, 4004, '00000001001234567000', '{}')");

        await AssertSameAsync(connection, $"SELECT {InvolvementRow.Columns} FROM involvement ORDER BY since_time", InvolvementRow.Read, 2);
        await AssertSameAsync(connection, $"SELECT {ReferralRow.Columns} FROM referral", ReferralRow.Read, 1);
        await AssertSameAsync(connection, $"SELECT {HandoverRow.Columns} FROM handover", HandoverRow.Read, 1);
        await AssertSameAsync(connection, $"SELECT {PlanRow.Columns} FROM plan", PlanRow.Read, 1);
        await AssertSameAsync(connection, ConsentRow.SelectBySubject + " ORDER BY consent_id", ConsentRow.Read, 2, new { pseudonym = "p-1" });
    }

    private static async Task AssertSameAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, int rows, object? parameters = null)
    {
        var mapped = (await connection.QueryAsync<T>(sql, parameters)).ToList();
        var byOrdinal = new List<T>();
        await using (var reader = await connection.ExecuteReaderAsync(sql, parameters))
        {
            while (await reader.ReadAsync())
            {
                byOrdinal.Add(read(reader));
            }
        }

        Assert.Equal(rows, mapped.Count);
        Assert.Equal(rows, byOrdinal.Count);
        var properties = typeof(T).GetProperties().Where(p => p.CanWrite).ToList();
        Assert.NotEmpty(properties);
        for (var i = 0; i < rows; i++)
        {
            foreach (var property in properties)
            {
                Assert.True(Equals(property.GetValue(mapped[i]), property.GetValue(byOrdinal[i])),
                    $"{typeof(T).Name}.{property.Name}, row {i}: Dapper {property.GetValue(mapped[i])}, by ordinal {property.GetValue(byOrdinal[i])}");
            }
        }
    }
}

/// <summary>On SQLite.</summary>
public sealed class StatusSnapshotRowsOnSqliteTests() : StatusSnapshotRowsTests(StorageProvider.Sqlite);

/// <summary>On PostgreSQL.</summary>
public sealed class StatusSnapshotRowsOnPostgreSqlTests() : StatusSnapshotRowsTests(StorageProvider.PostgreSql);
