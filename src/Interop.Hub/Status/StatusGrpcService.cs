using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Calls;
using Interop.Hub.LegalBasis;
using Interop.Hub.Subjects;

namespace Interop.Hub.JongereStatus;

/// <summary>
/// interop.v1.StatusService: a jongere's status across organisations, filtered part by part by the requester's
/// basis, and the involvements (Verwijsindex signals) it is built from. The scopes (status.read, status.write) are
/// enforced by the hub's authorization interceptor before these handlers run.
/// </summary>
internal sealed class StatusGrpcService(
    SubjectDirectory subjects,
    InvolvementRegistration involvements,
    JongereStatusQuery status,
    PurposeRegister purposes,
    TimeProvider time) : StatusService.StatusServiceBase
{
    /// <inheritdoc />
    public override Task<GetJongereStatusResponse> GetJongereStatus(GetJongereStatusRequest request, ServerCallContext context)
    {
        var (subject, purposeCode) = StatusRequestValidation.Validate(request, subjects, purposes);
        return status.GetAsync(HubCall.From(context, time), subject, purposeCode, context.CancellationToken);
    }

    /// <inheritdoc />
    public override Task<Involvement> RegisterInvolvement(RegisterInvolvementRequest request, ServerCallContext context)
    {
        var command = StatusRequestValidation.Validate(request, subjects);
        return involvements.RegisterAsync(HubCall.From(context, time), command, context.CancellationToken);
    }

    /// <inheritdoc />
    public override Task<Involvement> EndInvolvement(EndInvolvementRequest request, ServerCallContext context)
    {
        var subject = StatusRequestValidation.Validate(request, subjects);
        return involvements.EndAsync(HubCall.From(context, time), subject, context.CancellationToken);
    }
}
