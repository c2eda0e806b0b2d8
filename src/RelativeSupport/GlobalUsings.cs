global using Samverkan.RelativeSupport.Application;
global using Samverkan.RelativeSupport.Grpc;
