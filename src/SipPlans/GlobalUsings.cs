// The domain's namespaces come from ../SipPlans.Domain/DomainUsings.props.
global using Samverkan.SipPlans.Application;
global using Samverkan.SipPlans.Grpc;
