global using Samverkan.DischargeNotices.Grpc;
