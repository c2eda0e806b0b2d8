global using Samverkan.PersonalOmbudsmen.Grpc;
