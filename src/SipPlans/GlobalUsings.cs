global using Samverkan.SipPlans.Grpc;
