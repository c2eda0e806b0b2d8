global using Samverkan.PersonalOmbudsmen.Application.Persistence;
global using Samverkan.PersonalOmbudsmen.Grpc;
