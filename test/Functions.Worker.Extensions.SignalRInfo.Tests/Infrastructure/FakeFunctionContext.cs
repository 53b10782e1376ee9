using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.Azure.Functions.Worker;

namespace Functions.Worker.Extensions.SignalRInfo.Tests;

/// <summary>
/// A hand-written <see cref="FunctionContext"/>: a function id, a definition with the given input bindings
/// (name → binding type), items and a plain feature collection. What the tests never need throws.
/// </summary>
internal sealed class FakeFunctionContext : FunctionContext
{
    public FakeFunctionContext(string functionId, params (string Name, string Type)[] inputBindings)
    {
        FunctionDefinition = new Definition(functionId, inputBindings);
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = EmptyServices.Instance;

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new InvocationFeatures();

    public override CancellationToken CancellationToken => CancellationToken.None;

    /// <summary>A feature collection keyed by the requested type, as the worker's own.</summary>
    internal sealed class InvocationFeatures : IInvocationFeatures
    {
        private readonly Dictionary<Type, object> _features = new();

        public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

        public void Set<T>(T instance)
        {
            if (instance is null)
            {
                _features.Remove(typeof(T));
            }
            else
            {
                _features[typeof(T)] = instance;
            }
        }

        /// <summary>Sets a feature under a type only known at run time (the worker's internal feature interfaces).</summary>
        public void Set(Type type, object instance) => _features[type] = instance;

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class Definition : FunctionDefinition
    {
        public Definition(string id, (string Name, string Type)[] inputBindings)
        {
            Id = id;
            InputBindings = inputBindings.ToImmutableDictionary(b => b.Name, b => (BindingMetadata)new Binding(b.Name, b.Type));
        }

        public override ImmutableArray<FunctionParameter> Parameters => ImmutableArray<FunctionParameter>.Empty;

        public override string PathToAssembly => typeof(FakeFunctionContext).Assembly.Location;

        public override string EntryPoint => "Fake.Functions.Run";

        public override string Id { get; }

        public override string Name => Id;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; }

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class Binding : BindingMetadata
    {
        public Binding(string name, string type)
        {
            Name = name;
            Type = type;
        }

        public override string Name { get; }

        public override string Type { get; }

        public override BindingDirection Direction => BindingDirection.In;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
