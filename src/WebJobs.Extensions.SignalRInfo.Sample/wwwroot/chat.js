// The chat page: negotiate through /api/negotiate (the user travels as ?user=, which the sample maps to the
// App Service authentication header), follow the redirect to the SignalR Service, broadcast and receive messages.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  let connection = null;

  function setStatus(text, kind) {
    const status = $("status");
    status.textContent = text;
    status.className = kind || "";
  }

  function show(user, message) {
    const item = document.createElement("li");
    const name = document.createElement("b");
    name.textContent = user;
    item.appendChild(name);
    item.appendChild(document.createTextNode(message));
    $("messages").appendChild(item);
  }

  async function connect(user) {
    if (connection) {
      await connection.stop();
    }

    connection = new signalR.HubConnectionBuilder()
      .withUrl("/api?user=" + encodeURIComponent(user))
      .withAutomaticReconnect()
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    connection.on("newMessage", (from, message) => show(from, message));
    connection.onreconnecting(() => setStatus("Reconnecting…"));
    connection.onreconnected(() => setStatus("Connected as " + user + ".", "connected"));
    connection.onclose(() => setStatus("Disconnected."));

    setStatus("Connecting…");
    try {
      await connection.start();
      // Ask the service who it thinks we are: the user id travelled in the token our negotiate function minted.
      const me = await connection.invoke("whoAmI");
      setStatus("Connected as " + me + " (connection " + connection.connectionId + ").", "connected");
      $("message").disabled = false;
      $("sendButton").disabled = false;
      $("message").focus();
    } catch (err) {
      setStatus("Could not connect: " + err, "error");
    }
  }

  $("signin").addEventListener("submit", (e) => {
    e.preventDefault();
    connect($("user").value.trim());
  });

  $("send").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = $("message").value;
    if (!text || !connection) {
      return;
    }

    try {
      await connection.invoke("broadcast", $("user").value.trim(), text);
      $("message").value = "";
    } catch (err) {
      setStatus("Could not send: " + err, "error");
    }
  });
})();
