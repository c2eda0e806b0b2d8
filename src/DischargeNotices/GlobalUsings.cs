// The domain's namespaces come from ../DischargeNotices.Domain/DomainUsings.props.
global using Samverkan.DischargeNotices.Grpc;
global using Samverkan.DischargeNotices.Application.Persistence;
global using Samverkan.ServiceCore.Commands;
global using Samverkan.ServiceCore.Paging;
global using Samverkan.ServiceCore.Indexing;
global using Samverkan.ServiceCore.Grpc;
