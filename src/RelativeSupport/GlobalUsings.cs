global using Samverkan.RelativeSupport.Grpc;
